package io.slideo.worker.extraction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
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
    private static final double SHARE_OF_PAGES_ANYWHERE = 0.5;
    // On half the pages, even a printer's sentence ("The type and rule above prints on all proofs ...") is furniture.
    private static final int MAX_EVERYWHERE_LENGTH = 200;
    private static final int MAX_LENGTH = 120;
    // A line that repeats only once its numbers are ignored must be short, like "Page 3 of 40".
    private static final int MAX_NUMBERED_LENGTH = 40;
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    // Ordinals count as numbers ("3RD PASS PAGES" is the "4TH PASS PAGES" of another proof round).
    private static final Pattern NUMBERS = Pattern.compile("\\d+(st|nd|rd|th)?");
    // Front matter numbers its pages in roman numerals ("Page xiv"): a number too, to the key.
    private static final Pattern ROMAN = Pattern.compile("(?<![a-z])[ivxlc]+(?![a-z])");
    private static final Pattern PAGE_NUMBER = Pattern.compile("(?i)(page|p\\.|seite|pagina|страница)?\\s*#(\\s*(of|/|von|de|из)\\s*#)?");

    private RunningText() {
    }

    static List<DocumentPart> strip(List<DocumentPart> parts, int pages) {
        if (pages < MIN_PAGES) {
            return parts;
        }
        return stripEdges(stripEverywhere(parts, pages), pages);
    }

    /**
     * Lines found on most pages wherever they stand: printer's marks ("4TH PASS PAGES", a row of line
     * numbers, the file name and time of a proof), which a PDF's text can place mid-page; and lines
     * without a letter or digit.
     */
    private static List<DocumentPart> stripEverywhere(List<DocumentPart> parts, int pages) {
        Map<String, Set<Integer>> pagesOfLine = new HashMap<>();
        for (DocumentPart part : parts) {
            if (part instanceof DocumentPart.Content c && c.kind() == BlockKind.PARAGRAPH) {
                c.rawText().lines().filter(l -> !l.isBlank() && l.length() <= MAX_EVERYWHERE_LENGTH)
                        .forEach(l -> pagesOfLine.computeIfAbsent(key(l), k -> new HashSet<>()).add(c.page()));
            }
        }
        double threshold = Math.max(MIN_PAGES, SHARE_OF_PAGES_ANYWHERE * pages);
        // "Page 7 of 67" inside a longer slug (a proof's file name and time) is furniture too.
        Pattern pageOfTotal = Pattern.compile("(?i)\\bpage \\d{1,5} (of|/) " + pages + "\\b");
        Set<String> everywhere = new HashSet<>();
        pagesOfLine.forEach((key, seen) -> {
            if (seen.size() >= threshold) {
                everywhere.add(key);
            }
        });
        List<DocumentPart> result = new ArrayList<>(parts.size());
        for (DocumentPart part : parts) {
            if (part instanceof DocumentPart.Content c && c.kind() == BlockKind.PARAGRAPH) {
                List<String> kept = c.rawText().lines()
                        .filter(l -> l.length() > MAX_EVERYWHERE_LENGTH
                                || !everywhere.contains(key(l)) && !pageOfTotal.matcher(l).find())
                        .filter(RunningText::hasLetterOrDigit).toList();
                if (kept.stream().anyMatch(l -> !l.isBlank())) {
                    result.add(new DocumentPart.Content(c.kind(), String.join("\n", kept), c.page(), c.items(), c.rows()));
                }
            } else {
                result.add(part);
            }
        }
        return result;
    }

    private static List<DocumentPart> stripEdges(List<DocumentPart> parts, int pages) {
        Map<Integer, List<Integer>> paragraphsByPage = new HashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i) instanceof DocumentPart.Content c && c.kind() == BlockKind.PARAGRAPH) {
                paragraphsByPage.computeIfAbsent(c.page(), p -> new ArrayList<>()).add(i);
            }
        }
        Map<String, Set<Integer>> pagesOfLine = new HashMap<>();
        Map<String, Map<Integer, Integer>> pageOffsets = new HashMap<>();
        paragraphsByPage.forEach((page, indexes) -> {
            for (String line : edgeLines(lines(parts, indexes))) {
                String key = key(line);
                pagesOfLine.computeIfAbsent(key, k -> new HashSet<>()).add(page);
                Integer printed = printedPageNumber(line, key);
                if (printed != null) {
                    pageOffsets.computeIfAbsent(key, k -> new HashMap<>()).merge(printed - page, 1, Integer::sum);
                }
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
        // A chapter's running head ("“PIRACY” 59") is on too few pages for the share above, but its
        // number keeps step with the page: the same distance from the page index on several pages.
        // Such a line is a running head wherever the page's text order put it.
        Set<String> pageHeads = new HashSet<>();
        pageOffsets.forEach((key, offsets) -> {
            if (offsets.values().stream().anyMatch(n -> n >= MIN_PAGES)) {
                pageHeads.add(key);
            }
        });
        running.addAll(pageHeads);
        if (running.isEmpty()) {
            return parts;
        }
        List<DocumentPart> result = new ArrayList<>(parts);
        paragraphsByPage.forEach((page, indexes) -> {
            removeEdge(result, indexes.get(0), running, true);
            removeEdge(result, indexes.get(indexes.size() - 1), running, false);
        });
        result.replaceAll(p -> p instanceof DocumentPart.Content c && c.kind() == BlockKind.PARAGRAPH
                ? without(c, pageHeads) : p);
        result.removeIf(p -> p instanceof DocumentPart.Content c && c.kind() == BlockKind.PARAGRAPH
                && c.rawText().isBlank());
        return result;
    }

    private static DocumentPart.Content without(DocumentPart.Content content, Set<String> keys) {
        if (keys.isEmpty()) {
            return content;
        }
        List<String> lines = content.rawText().lines().toList();
        List<String> kept = lines.stream().filter(l -> l.length() > MAX_NUMBERED_LENGTH || !keys.contains(key(l))).toList();
        return kept.size() == lines.size() ? content
                : new DocumentPart.Content(content.kind(), String.join("\n", kept), content.page(), content.items(),
                        content.rows());
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

    /** Crop marks and rules ("❚ ❘ ❙", "• • •") print no letter or digit. */
    private static boolean hasLetterOrDigit(String line) {
        return line.isBlank() || line.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** The number of a short line that starts or ends with one ("58 FREE CULTURE"), else null. */
    private static Integer printedPageNumber(String line, String key) {
        if (key.length() > MAX_NUMBERED_LENGTH || key.indexOf('#') != key.lastIndexOf('#')
                || !(key.startsWith("#") || key.endsWith("#"))) {
            return null;
        }
        Matcher digits = DIGITS.matcher(line);
        return digits.find() && digits.group().length() <= 4 ? Integer.valueOf(digits.group()) : null;
    }

    private static String key(String line) {
        String digitsOut = NUMBERS.matcher(TextCleanup.normalize(line).toLowerCase(Locale.ROOT)).replaceAll("#");
        return ROMAN.matcher(digitsOut).replaceAll("#");
    }
}
