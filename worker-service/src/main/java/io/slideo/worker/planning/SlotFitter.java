package io.slideo.worker.planning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.slideo.model.document.ExtractedDocument;
import io.slideo.worker.text.Passage;
import io.slideo.worker.text.TextCleanup;

/**
 * Fits the documents' parts to the content slides of a deck. With too many parts, front matter is left
 * out first, then the two adjacent parts with the least to say are joined into one slide (each keeps
 * at least one point, named by its own heading), so that a deck of a 40-slide talk still tells all of
 * it; only when no two parts can share a slide is the smallest left out. With too few, the largest
 * part gives way to its subsections (each under its own heading) or, without any, to stretches of its
 * text in order. Parts stay in reading order.
 */
final class SlotFitter {
    private final int minPoints;
    private final int joinedMost;
    private final Map<String, ExtractedDocument> documents;

    SlotFitter(int minPoints, int joinedMost, Map<String, ExtractedDocument> documents) {
        this.minPoints = minPoints;
        this.joinedMost = joinedMost;
        this.documents = documents;
    }

    List<Topic> fit(List<Topic> candidates, int slots) {
        List<Topic> parts = mergedRepeats(candidates);
        // A part holding most of the text (a report whose body sits under one heading) is told by its subsections.
        // It gets the share of the slides its share of the text earns, when that is two slides or more.
        for (int i = dominant(parts); i >= 0; i = dominant(parts)) {
            Topic whole = parts.get(i);
            int earned = (int) Math.round(slots * (double) whole.size() / parts.stream().mapToInt(Topic::size).sum());
            if (earned < 2) {
                break;
            }
            List<Topic> children = split(whole, earned);
            if (children.size() < 2 || children.stream().noneMatch(c -> c.titled() && !c.heading().equals(whole.heading()))) {
                break;
            }
            parts.remove(i);
            parts.addAll(i, children);
        }
        // Front matter is left out first; then consecutive parts share slides (see joinedInOrder).
        while (parts.size() > slots && parts.stream().anyMatch(Topic::frontMatter)) {
            parts.remove(parts.stream().filter(Topic::frontMatter).findFirst().orElseThrow());
        }
        if (parts.size() > slots) {
            return joinedInOrder(parts, slots);
        }
        Set<Topic> whole = new java.util.HashSet<>(); // parts that would not split
        while (parts.size() < slots) {
            int largest = -1;
            for (int i = 0; i < parts.size(); i++) {
                if (!whole.contains(parts.get(i)) && splittable(parts.get(i))
                        && (largest < 0 || parts.get(i).size() > parts.get(largest).size())) {
                    largest = i;
                }
            }
            if (largest < 0) {
                break; // the documents say less than the slides asked for
            }
            List<Topic> pieces = split(parts.get(largest), slots - parts.size() + 1);
            if (pieces.size() < 2) {
                whole.add(parts.get(largest));
                continue;
            }
            parts.remove(largest);
            parts.addAll(largest, pieces);
        }
        return parts;
    }

    /**
     * The parts on {@code slots} slides as an editor would join them: consecutive parts of one document share
     * a slide, at most {@code joinedMost} of them (a point of each), the slides as even as they can be in how
     * many parts and how much text each holds. A part with nothing but a table keeps its slide. Only parts
     * that no slide has room for are left out, those with the least to say first.
     */
    private List<Topic> joinedInOrder(List<Topic> parts, int slots) {
        List<Topic> kept = new ArrayList<>(parts);
        int[] cut = cuts(kept, slots);
        while (cut == null) {
            kept.remove(kept.stream().min(Comparator.comparingInt((Topic t) -> distinct(t.passages()))
                    .thenComparingInt(Topic::size)).orElseThrow());
            cut = kept.size() <= slots ? new int[0] : cuts(kept, slots);
        }
        if (cut.length == 0) {
            return kept;
        }
        List<Topic> joined = new ArrayList<>();
        int start = 0;
        for (int end : cut) {
            Topic slide = kept.get(start);
            for (int i = start + 1; i < end; i++) {
                slide = Topic.joined(slide, kept.get(i));
            }
            joined.add(slide);
            start = end;
        }
        return joined;
    }

    /**
     * Where the slides end (exclusive indexes, the last {@code parts.size()}), for the least uneven split of the
     * parts into {@code slots} runs that may share a slide; null when no such split exists.
     */
    private int[] cuts(List<Topic> parts, int slots) {
        int n = parts.size();
        double mean = Math.max(1, parts.stream().mapToInt(Topic::size).sum() / (double) slots);
        double[][] cost = new double[slots + 1][n + 1];
        int[][] from = new int[slots + 1][n + 1];
        for (double[] row : cost) {
            java.util.Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        cost[0][0] = 0;
        for (int k = 1; k <= slots; k++) {
            for (int end = k; end <= n; end++) {
                int count = 0;
                int size = 0;
                for (int start = end - 1; start >= k - 1; start--) {
                    count += parts.get(start).parts();
                    size += parts.get(start).size();
                    if (start < end - 1 && !joinable(parts.get(start), parts.get(end - 1), count)) {
                        break;
                    }
                    double run = cost[k - 1][start] + count * count + (size / mean) * (size / mean);
                    if (run < cost[k][end]) {
                        cost[k][end] = run;
                        from[k][end] = start;
                    }
                }
            }
        }
        if (cost[slots][n] == Double.POSITIVE_INFINITY) {
            return null;
        }
        int[] cut = new int[slots];
        for (int k = slots, end = n; k > 0; end = from[k][end], k--) {
            cut[k - 1] = end;
        }
        return cut;
    }

    /** Whether a run of parts from {@code first} to {@code last} ({@code count} parts in all) may share a slide. */
    private boolean joinable(Topic first, Topic last, int count) {
        return count <= joinedMost && first.documentId().equals(last.documentId()) && !first.passages().isEmpty()
                && !last.passages().isEmpty();
    }

    /** The part with more than half of all the text and subsections of its own, or -1. */
    private int dominant(List<Topic> parts) {
        int total = parts.stream().mapToInt(Topic::size).sum();
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).size() * 2 > total && titledSubsections(parts.get(i)) >= 2) {
                return i;
            }
        }
        return -1;
    }

    /** Adjacent parts under the same heading (a talk's "Results" and "Results (cont.)") are one part. */
    private static List<Topic> mergedRepeats(List<Topic> parts) {
        List<Topic> merged = new ArrayList<>();
        for (Topic part : parts) {
            Topic last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.titled() && last.documentId().equals(part.documentId())
                    && SlideTitles.base(last.heading()).equalsIgnoreCase(SlideTitles.base(part.heading()))) {
                List<List<Passage>> groups = new ArrayList<>(last.groups());
                groups.addAll(part.groups());
                List<Integer> sections = new ArrayList<>(last.sections());
                sections.addAll(part.sections());
                merged.set(merged.size() - 1, new Topic(last.documentId(), last.heading(), last.frontMatter(), groups,
                        sections));
            } else {
                merged.add(part);
            }
        }
        return merged;
    }

    private boolean splittable(Topic part) {
        return titledSubsections(part) >= 2 || distinct(part.passages()) >= 2 * minPoints;
    }

    /** Subsections one level down with a heading of their own (their own subsections with them). */
    private long titledSubsections(Topic part) {
        int level = childLevel(part);
        return part.groups().stream().skip(1).filter(g -> hasHeading(g) && startsChild(g, level)).count();
    }

    /**
     * The level of the part's highest subsections (2 under a chapter of level 1) when two or more
     * stand there; else 0, and every titled subsection counts (a chain of single headings, 1 > 2 > 3).
     */
    private int childLevel(Topic part) {
        int highest = part.groups().stream().skip(1).filter(SlotFitter::hasHeading).mapToInt(this::level).min()
                .orElse(Integer.MAX_VALUE);
        long there = part.groups().stream().skip(1).filter(g -> hasHeading(g) && level(g) == highest).count();
        return there >= 2 ? highest : 0;
    }

    private boolean startsChild(List<Passage> group, int level) {
        return level == 0 || level(group) == level;
    }

    private int level(List<Passage> group) {
        ExtractedDocument document = documents.get(group.get(0).documentId());
        return document == null ? 1 : Math.max(1, document.sections().get(group.get(0).section()).level());
    }

    /**
     * Into at most {@code pieces} parts: its subsections one level down with the most to say, each
     * under its own heading with its own subsections (the parent's opening text stays with the parent
     * when it says enough on its own), or, without subsections, stretches of similar length.
     */
    private List<Topic> split(Topic part, int pieces) {
        if (titledSubsections(part) >= 2) {
            int level = childLevel(part);
            List<Topic> children = new ArrayList<>();
            List<List<Passage>> groups = part.groups();
            if (distinct(groups.get(0)) >= minPoints || !hasHeading(groups.get(0))) {
                children.add(new Topic(part.documentId(), part.heading(), part.frontMatter(), List.of(groups.get(0))));
            }
            for (List<Passage> group : groups.subList(1, groups.size())) {
                if (hasHeading(group) && startsChild(group, level) || children.isEmpty()) {
                    children.add(new Topic(part.documentId(), group.get(0).sectionTitle(), false, List.of(group)));
                } else { // a deeper or untitled subsection stays with the part before it
                    Topic last = children.remove(children.size() - 1);
                    List<List<Passage>> with = new ArrayList<>(last.groups());
                    with.add(group);
                    children.add(new Topic(last.documentId(), last.heading(), last.frontMatter(), with));
                }
            }
            children.removeIf(c -> distinct(c.passages()) < minPoints);
            while (children.size() > pieces) {
                children.remove(children.stream().min(Comparator.comparingInt(Topic::size)).orElseThrow());
            }
            if (children.size() >= 2) {
                return children;
            }
        }
        // A stretch without a heading gives its lead sentence to its title: it needs one passage more.
        return stretches(part, Math.min(pieces, Math.max(2, distinct(part.passages()) / (minPoints + 1))));
    }

    /** The part's text in {@code count} stretches of about equal length, cut where a paragraph starts. */
    private List<Topic> stretches(Topic part, int count) {
        List<Passage> passages = part.passages();
        int total = part.size();
        // Cut where a paragraph starts; text of fewer paragraphs than stretches is cut between sentences.
        boolean fewParagraphs = passages.stream().map(p -> p.section() + ":" + p.block()).distinct().count() < count;
        List<Topic> pieces = new ArrayList<>();
        int start = 0;
        int running = 0;
        for (int i = 1; i < passages.size() && pieces.size() < count - 1; i++) {
            running += passages.get(i - 1).text().length();
            boolean paragraph = fewParagraphs || passages.get(i).block() != passages.get(i - 1).block()
                    || passages.get(i).section() != passages.get(i - 1).section();
            if (paragraph && running >= (long) total * (pieces.size() + 1) / count && i - start > minPoints
                    && passages.size() - i > minPoints) {
                pieces.add(piece(part, passages.subList(start, i), pieces.isEmpty()));
                start = i;
            }
        }
        pieces.add(piece(part, passages.subList(start, passages.size()), pieces.isEmpty()));
        return pieces;
    }

    /** The first stretch keeps the part's heading; the others are titled by what they say. */
    private static Topic piece(Topic part, List<Passage> passages, boolean first) {
        return new Topic(part.documentId(), first ? part.heading() : "", first && part.frontMatter(), List.of(passages));
    }

    private static boolean hasHeading(List<Passage> group) {
        return !group.isEmpty() && group.get(0).sectionTitle() != null && !group.get(0).sectionTitle().isBlank();
    }

    /** How many different sentences of three words or more the passages hold. */
    static int distinct(List<Passage> passages) {
        Set<String> seen = passages.stream().map(p -> TextCleanup.normalize(p.text()).toLowerCase(Locale.ROOT))
                .filter(t -> TextCleanup.wordCount(t) >= 3).collect(Collectors.toSet());
        return seen.size();
    }
}
