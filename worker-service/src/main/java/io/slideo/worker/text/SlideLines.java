package io.slideo.worker.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.slideo.model.document.Block;
import io.slideo.model.document.BlockKind;
import io.slideo.model.document.ExtractedDocument;

/**
 * What a slide of short lines says: a talk's slide "Purposes of Monitoring" with the lines
 * "Observation", "Extrapolation", "Signals/Alerts", "Testing" makes its point with all of them, though
 * none is a sentence. Consecutive lines of a slide deck's slide, each too short to be a passage of its
 * own, are one passage, listed with commas ("Observation, Extrapolation, Signals/Alerts, Testing"), so a
 * deck of that talk can say what the slide said rather than leave it out. Other documents' short lines
 * (menus, addresses, labels) stay out, and so do a slide's contacts and references.
 */
final class SlideLines {
    // A line longer than this is a sentence that was not meaningful for another reason: it is no item.
    private static final int LINE_WORDS = 6;
    // As long as a lead-in said with its list.
    private static final int MAX_WORDS = 24;
    // A slide of contacts or references lists names and works, not points.
    private static final Pattern NOT_POINTS = Pattern.compile(
            "(?iu)^(references|bibliography|sources|contact( details)?|questions\\??|q ?& ?a|thank you)$|\\bet\\.? al\\b");
    private static final Pattern LINK = Pattern.compile("(?i)(https?://|www\\.)\\S+|\\S+@\\S+\\.\\S+");

    private final List<Integer> blocks = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();

    static boolean isSlideDeck(ExtractedDocument document) {
        String type = document.mediaType() == null ? "" : document.mediaType().toLowerCase(Locale.ROOT);
        return type.contains("presentation") || type.contains("powerpoint");
    }

    /** True when the block (which made no passage) is a short line of the run; false ends the run. */
    boolean add(Block block, int index) {
        if (block.kind() == BlockKind.NOTE) {
            return true; // a presenter's note between two lines does not part them
        }
        List<String> items = block.kind() == BlockKind.LIST ? block.items()
                : block.kind() == BlockKind.PARAGRAPH ? List.of(block.text()) : List.of();
        List<String> kept = new ArrayList<>();
        for (String item : items) {
            String line = TextCleanup.normalize(LINK.matcher(item == null ? "" : item).replaceAll(""))
                    .replaceAll("[\\s.;,:]+$", "").trim();
            int words = TextCleanup.wordCount(line);
            if (words > LINE_WORDS || NonProse.isCode(line) || NonProse.isMarkup(line)) {
                return false;
            }
            if (words >= 1 && line.chars().anyMatch(Character::isLetter)) {
                kept.add(line);
            }
        }
        if (kept.isEmpty()) {
            return !items.isEmpty(); // a bare link or mark is passed over
        }
        if (blocks.isEmpty()) {
            blocks.add(index);
        }
        lines.addAll(kept);
        return true;
    }

    /**
     * The run's lines as one passage's text (as many as fit {@link #MAX_WORDS}), with the index of its first
     * block, or nothing when fewer than two lines or fewer than three words stood in it; the run starts anew.
     */
    java.util.Optional<Listed> take() {
        List<String> listed = new ArrayList<>();
        int words = 0;
        for (String line : lines) {
            int more = TextCleanup.wordCount(line);
            if (words + more > MAX_WORDS) {
                break;
            }
            listed.add(line);
            words += more;
        }
        boolean points = lines.stream().noneMatch(l -> NOT_POINTS.matcher(l).find())
                && lines.stream().distinct().count() == lines.size();
        java.util.Optional<Listed> taken = points && listed.size() >= 2 && words >= 3
                ? java.util.Optional.of(new Listed(blocks.get(0), String.join(", ", listed)))
                : java.util.Optional.empty();
        blocks.clear();
        lines.clear();
        return taken;
    }

    record Listed(int block, String text) {
    }
}
