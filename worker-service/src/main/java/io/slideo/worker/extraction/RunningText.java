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
        Set<String> everywhere = linesOnMostPages(parts, pages);
        // "Page 7 of 67" inside a longer slug (a proof's file name and time) is furniture too.
        String total = String.valueOf(pages);
        List<DocumentPart> result = new ArrayList<>(parts.size());
        for (DocumentPart part : parts) {
            if (part instanceof DocumentPart.Content c && c.kind() == BlockKind.PARAGRAPH) {
                DocumentPart.Content kept = withoutFurniture(c, everywhere, total);
                if (kept != null) {
                    result.add(kept);
                }
            } else {
                result.add(part);
            }
        }
        return result;
    }

    private static Set<String> linesOnMostPages(List<DocumentPart> parts, int pages) {
        Map<String, Set<Integer>> pagesOfLine = new HashMap<>();
        for (DocumentPart part : parts) {
            if (part instanceof DocumentPart.Content c && c.kind() == BlockKind.PARAGRAPH) {
                c.rawText().lines().filter(l -> !l.isBlank() && l.length() <= MAX_EVERYWHERE_LENGTH)
                        .forEach(l -> pagesOfLine.computeIfAbsent(key(l), k -> new HashSet<>()).add(c.page()));
            }
        }
        double threshold = Math.max(MIN_PAGES, SHARE_OF_PAGES_ANYWHERE * pages);
        Set<String> everywhere = new HashSet<>();
        pagesOfLine.forEach((key, seen) -> {
            if (seen.size() >= threshold) {
                everywhere.add(key);
            }
        });
        return everywhere;
    }

    /** The paragraph without furniture lines; itself when it had none, null when nothing is left. */
    private static DocumentPart.Content withoutFurniture(DocumentPart.Content content, Set<String> everywhere,
            String totalPages) {
        List<String> lines = content.rawText().lines().toList();
        List<String> kept = new ArrayList<>(lines.size());
        for (String line : lines) {
            if (hasLetterOrDigit(line) && (line.length() > MAX_EVERYWHERE_LENGTH || !furniture(line, everywhere, totalPages))) {
                kept.add(line);
            }
        }
        if (kept.size() == lines.size()) {
            return content;
        }
        return kept.stream().allMatch(String::isBlank) ? null : new DocumentPart.Content(content.kind(),
                String.join("\n", kept), content.page(), content.items(), content.rows());
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

    private static boolean furniture(String line, Set<String> everywhere, String totalPages) {
        String key = key(line);
        return everywhere.contains(key) || (key.contains("page # of #") || key.contains("page #/#"))
                && (line.contains("of " + totalPages) || line.contains("/" + totalPages));
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

    /** A line as it repeats from page to page: white space collapsed, case and numbers (ordinals, roman) ignored. */
    private static String key(String line) {
        StringBuilder key = new StringBuilder(line.length());
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B') {
                while (i < n && (Character.isWhitespace(line.charAt(i)) || Character.isSpaceChar(line.charAt(i))
                        || line.charAt(i) == '\u200B')) {
                    i++;
                }
                if (!key.isEmpty() && i < n) {
                    key.append(' ');
                }
            } else if (c >= '0' && c <= '9') {
                while (i < n && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
                    i++;
                }
                i = afterOrdinalSuffix(line, i);
                key.append('#');
            } else {
                key.append(Character.toLowerCase(c));
                i++;
            }
        }
        return key.indexOf("i") < 0 && key.indexOf("v") < 0 && key.indexOf("x") < 0 && key.indexOf("l") < 0
                && key.indexOf("c") < 0 ? key.toString() : ROMAN.matcher(key).replaceAll("#");
    }

    private static int afterOrdinalSuffix(String line, int at) {
        if (at + 2 <= line.length()) {
            String suffix = line.substring(at, at + 2).toLowerCase(Locale.ROOT);
            boolean ends = at + 2 == line.length() || !Character.isLetter(line.charAt(at + 2));
            if (ends && (suffix.equals("st") || suffix.equals("nd") || suffix.equals("rd") || suffix.equals("th"))) {
                return at + 2;
            }
        }
        return at;
    }
}
