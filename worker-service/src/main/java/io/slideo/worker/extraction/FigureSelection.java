package io.slideo.worker.extraction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells figures from decoration: a logo repeated on many pages, an icon, a rule or a bar, a scanned
 * page or a background behind the text are not figures. Keeps at most {@code maxFigures} and
 * {@code maxBytes} of them, in document order.
 */
final class FigureSelection {
    static final int MIN_SIDE = 120;
    static final int MIN_BYTES = 8 * 1024;
    static final double MAX_ASPECT = 5.0;
    static final double MAX_PAGE_COVERAGE = 0.85;
    static final int REPEATED_PAGES = 3;
    private static final Set<String> SHOWABLE = Set.of("image/png", "image/jpeg", "image/gif");

    /** The figures kept and, per reason, how many pictures were left out. */
    record Chosen(List<FigureCandidate> kept, Map<String, Integer> skipped) {
        int skippedCount() {
            return skipped.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private FigureSelection() {
    }

    static Chosen choose(List<FigureCandidate> candidates, int maxFigures, long maxBytes) {
        Map<String, Set<Integer>> pagesOf = new HashMap<>();
        for (FigureCandidate candidate : candidates) {
            pagesOf.computeIfAbsent(candidate.identity(), id -> new HashSet<>()).add(candidate.page());
        }
        List<FigureCandidate> kept = new ArrayList<>();
        Map<String, Integer> skipped = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        long bytes = 0;
        for (FigureCandidate candidate : candidates) {
            String reason = candidate.bytes() == null ? "over the cap"
                    : decoration(candidate, pagesOf.get(candidate.identity()).size());
            if (reason == null && !seen.add(candidate.identity())) {
                reason = "drawn again";
            }
            if (reason == null && (kept.size() >= maxFigures || bytes + candidate.bytes().length > maxBytes)) {
                reason = "over the cap";
            }
            if (reason == null) {
                kept.add(candidate);
                bytes += candidate.bytes().length;
            } else {
                skipped.merge(reason, 1, Integer::sum);
            }
        }
        return new Chosen(kept, skipped);
    }

    /** Why the picture is decoration (or cannot be shown), or null when it is a figure. */
    static String decoration(FigureCandidate candidate, int pagesDrawnOn) {
        if (!SHOWABLE.contains(candidate.mediaType())) {
            return "format not shown by browsers";
        }
        if (candidate.width() < MIN_SIDE || candidate.height() < MIN_SIDE || candidate.bytes().length < MIN_BYTES) {
            return "tiny";
        }
        double aspect = (double) Math.max(candidate.width(), candidate.height())
                / Math.min(candidate.width(), candidate.height());
        if (aspect > MAX_ASPECT) {
            return "rule or bar";
        }
        if (candidate.pageCoverage() > MAX_PAGE_COVERAGE) {
            return "page-sized";
        }
        if (pagesDrawnOn >= REPEATED_PAGES) {
            return "repeated on pages";
        }
        return null;
    }
}
