package io.slideo.worker.extraction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.slideo.model.document.BlockKind;
import io.slideo.worker.text.TextCleanup;

/**
 * Removes running headers and footers (a journal name, a chapter title, "Page 7 of 40") from paged
 * documents. PDF parsers glue them to the first or last paragraph of a page, so this looks at the
 * first and last lines of every page: a line that recurs there on many pages, numbers aside, is not
 * content.
 */
final class RunningText {
    private static final int EDGE_LINES = 2;
    private static final int MIN_PAGES = 4;
    private static final double SHARE_OF_PAGES = 0.3;
    private static final int MAX_LENGTH = 120;
    // A line that repeats only once its numbers are ignored must be short, like "Page 3 of 40".
    private static final int MAX_NUMBERED_LENGTH = 40;
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern PAGE_NUMBER = Pattern.compile("(?i)(page|p\\.|seite|pagina|страница)?\\s*#(\\s*(of|/|von|de|из)\\s*#)?");

    private RunningText() {
    }

    static List<DocumentPart> strip(List<DocumentPart> parts, int pages) {
        if (pages < MIN_PAGES) {
            return parts;
        }
        Map<Integer, List<Integer>> paragraphsByPage = new HashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i) instanceof DocumentPart.Content c && c.kind() == BlockKind.PARAGRAPH) {
                paragraphsByPage.computeIfAbsent(c.page(), p -> new ArrayList<>()).add(i);
            }
        }
        Map<String, Set<Integer>> pagesOfLine = new HashMap<>();
        paragraphsByPage.forEach((page, indexes) -> {
            for (String line : edgeLines(lines(parts, indexes))) {
                pagesOfLine.computeIfAbsent(key(line), k -> new HashSet<>()).add(page);
            }
        });
        double threshold = Math.max(3, SHARE_OF_PAGES * pages);
        Set<String> running = new HashSet<>();
        pagesOfLine.forEach((key, seen) -> {
            int limit = key.contains("#") ? MAX_NUMBERED_LENGTH : MAX_LENGTH;
            if (seen.size() >= threshold && key.length() <= limit || PAGE_NUMBER.matcher(key).matches()) {
                running.add(key);
            }
        });
        if (running.isEmpty()) {
            return parts;
        }
        List<DocumentPart> result = new ArrayList<>(parts);
        paragraphsByPage.forEach((page, indexes) -> {
            removeEdge(result, indexes.get(0), running, true);
            removeEdge(result, indexes.get(indexes.size() - 1), running, false);
        });
        result.removeIf(p -> p instanceof DocumentPart.Content c && c.kind() == BlockKind.PARAGRAPH
                && c.rawText().isBlank());
        return result;
    }

    private static List<String> lines(List<DocumentPart> parts, List<Integer> indexes) {
        List<String> lines = new ArrayList<>();
        for (int i : indexes) {
            ((DocumentPart.Content) parts.get(i)).rawText().lines().filter(l -> !l.isBlank()).forEach(lines::add);
        }
        return lines;
    }

    private static List<String> edgeLines(List<String> lines) {
        Set<String> edges = new HashSet<>();
        for (int i = 0; i < Math.min(EDGE_LINES, lines.size()); i++) {
            edges.add(lines.get(i));
            edges.add(lines.get(lines.size() - 1 - i));
        }
        return List.copyOf(edges);
    }

    /** Drops running lines from the start (or end) of one paragraph, stopping at the first real line. */
    private static void removeEdge(List<DocumentPart> parts, int index, Set<String> running, boolean fromStart) {
        DocumentPart.Content content = (DocumentPart.Content) parts.get(index);
        List<String> lines = new ArrayList<>(content.rawText().lines().toList());
        int removed = 0;
        while (!lines.isEmpty() && removed < EDGE_LINES + 2) {
            int at = fromStart ? 0 : lines.size() - 1;
            String line = lines.get(at);
            if (line.isBlank() || running.contains(key(line))) {
                lines.remove(at);
                if (!line.isBlank()) {
                    removed++;
                }
            } else {
                break;
            }
        }
        if (removed > 0) {
            parts.set(index, new DocumentPart.Content(content.kind(), String.join("\n", lines), content.page(),
                    content.items(), content.rows()));
        }
    }

    private static String key(String line) {
        return DIGITS.matcher(TextCleanup.normalize(line).toLowerCase(Locale.ROOT)).replaceAll("#");
    }
}
