package io.slideo.worker.extraction;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import io.slideo.model.document.BlockKind;
import io.slideo.worker.text.TextCleanup;

/**
 * Headings of a PDF, which Tika's text does not mark: from the document's outline (bookmarks) when it
 * has one, otherwise from typography (lines set larger than the body text, or bold, and short).
 * {@link #apply} then splits Tika's paragraphs where those headings stand.
 */
final class PdfHeadings {
    private static final double LARGER = 1.15;
    private static final int MAX_WORDS = 12;
    // Bold at body size is a run-in heading only when short; longer bold lines are emphasised prose.
    private static final int MAX_BOLD_WORDS = 6;
    private static final int MAX_PER_PAGE = 5;
    private static final int MAX_MERGED_WORDS = 24;
    // Longer lines are prose: no need to compare them with the headings.
    private static final int MAX_HEADING_CHARACTERS = 300;
    private static final int MAX_LEVEL = 6;
    // Names marked with their affiliations ("Vahid Foroutan1*, Ratul Majumdar1", "A. Smith† and B. Jones‡"):
    // the authors under a title, set large, never a heading.
    private static final java.util.regex.Pattern AUTHORS = java.util.regex.Pattern.compile(
            "(?u)(\\p{Lu}[\\p{L}.'\u2019-]*\\s+)+\\p{Lu}[\\p{L}'\u2019-]*[\\d*\u2020\u2021\u00a7,]*[\\d*\u2020\u2021\u00a7]"
                    + "(\\s*(,|and|&)\\s*(\\p{Lu}[\\p{L}.'\u2019-]*\\s+)+\\p{Lu}[\\p{L}'\u2019-]*[\\d*\u2020\u2021\u00a7,]*)*");
    private static final int MAX_DEPTH = 6;

    record Heading(int page, String text, int level) {
    }

    /** Headings and where they came from: a set title split over lines is only merged for typography. */
    record Found(List<Heading> headings, boolean fromOutline) {
    }

    private PdfHeadings() {
    }

    static Found find(Path pdf) {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<Heading> outline = new ArrayList<>();
            if (document.getDocumentCatalog().getDocumentOutline() != null) {
                walk(document, document.getDocumentCatalog().getDocumentOutline(), 1, outline);
            }
            return outline.size() >= 3 ? new Found(outline, true) : new Found(typography(document), false);
        } catch (IOException | RuntimeException e) {
            return new Found(List.of(), false); // no headings is better than no document: Tika has read the text
        }
    }

    private static void walk(PDDocument document, PDOutlineNode node, int level, List<Heading> found)
            throws IOException {
        if (level > MAX_DEPTH) {
            return;
        }
        for (PDOutlineItem item : node.children()) {
            PDPage page = item.findDestinationPage(document);
            String title = item.getTitle() == null ? "" : TextCleanup.normalize(item.getTitle());
            if (page != null && !title.isEmpty()) {
                found.add(new Heading(document.getPages().indexOf(page) + 1, title, Math.min(level, MAX_LEVEL)));
            }
            walk(document, item, level + 1, found);
        }
    }

    /** Lines set larger than the body (or bold at body size), few words, not a sentence. */
    private static List<Heading> typography(PDDocument document) throws IOException {
        LineCollector lines = new LineCollector();
        lines.getText(document);
        float body = lines.bodySize();
        // Only lines set larger (or bold) can be headings; the rest is never looked at again.
        List<Line> styled = new ArrayList<>();
        for (Line line : lines.lines) {
            boolean larger = line.size >= body * LARGER;
            boolean boldAtBody = line.bold && line.size >= body * 0.95;
            if (larger || boldAtBody) {
                styled.add(new Line(line.page, TextCleanup.normalize(line.text), line.size, line.bold));
            }
        }
        Map<String, Set<Integer>> pagesOfText = new HashMap<>();
        for (Line line : styled) {
            pagesOfText.computeIfAbsent(line.text.toLowerCase(Locale.ROOT), t -> new HashSet<>()).add(line.page);
        }
        List<Line> candidates = new ArrayList<>();
        Map<String, Integer> perPageAndSize = new HashMap<>();
        Line previous = null;
        for (Line line : styled) {
            boolean larger = line.size >= body * LARGER;
            boolean boldAtBody = !larger && TextCleanup.wordCount(line.text) <= MAX_BOLD_WORDS;
            // A title wrapped over lines continues in lower case on the next line, in the same size.
            boolean continues = previous != null && previous.page == line.page && previous.size == line.size
                    && !candidates.isEmpty() && candidates.get(candidates.size() - 1) == previous;
            if ((larger || boldAtBody) && !line.text.isEmpty() && looksLikeHeading(line.text, continues)
                    && pagesOfText.get(line.text.toLowerCase(Locale.ROOT)).size() < 3) {
                candidates.add(line);
                perPageAndSize.merge(line.page + "/" + round(line.size), 1, Integer::sum);
            }
            previous = line;
        }
        // Many "headings" of one size on one page are the labels of a figure or a table.
        candidates.removeIf(c -> perPageAndSize.get(c.page + "/" + round(c.size)) > MAX_PER_PAGE);
        // Distinct sizes, largest first, give the levels; bold at body size comes last.
        TreeSet<Float> sizes = new TreeSet<>();
        candidates.stream().filter(c -> c.size >= body * LARGER).forEach(c -> sizes.add(round(c.size)));
        List<Float> ranked = new ArrayList<>(sizes.descendingSet());
        List<Heading> headings = new ArrayList<>();
        for (Line c : candidates) {
            int rank = c.size >= body * LARGER ? ranked.indexOf(round(c.size)) + 1 : ranked.size() + 1;
            headings.add(new Heading(c.page, c.text, Math.min(rank, MAX_LEVEL)));
        }
        return headings;
    }

    private static boolean looksLikeHeading(String text, boolean continuesAHeading) {
        int words = TextCleanup.wordCount(text);
        if (words == 0 || words > MAX_WORDS || text.length() < 3) {
            return false;
        }
        char last = text.charAt(text.length() - 1);
        long letters = text.chars().filter(Character::isLetter).count();
        long visible = text.chars().filter(c -> !Character.isWhitespace(c)).count();
        int first = text.codePoints().filter(Character::isLetter).findFirst().orElse('a');
        if (text.chars().filter(c -> c == ',').count() >= 2 || AUTHORS.matcher(text).matches()) {
            return false; // a list, such as the authors under a title
        }
        // Mostly letters, not starting mid-sentence: formulas, figure labels and wrapped lines are not headings.
        return letters >= 3 && (continuesAHeading || !Character.isLowerCase(first)) && letters >= visible * 0.7 && last != ',' && last != ';' && (last != '.' || words <= 3)
                && !text.matches("(?i)^(page|figure|fig\\.|table)\\s*\\d.*");
    }

    private static float round(float size) {
        return Math.round(size * 2) / 2f;
    }

    /** Splits paragraphs at the lines that are headings, on the heading's page. */
    static List<DocumentPart> apply(List<DocumentPart> parts, Found found) {
        List<Heading> headings = found.headings();
        if (headings.isEmpty()) {
            return parts;
        }
        // Per page, the headings by their matching key (computed once, not once per line).
        Map<Integer, Map<String, Heading>> byPage = new HashMap<>();
        headings.forEach(h -> byPage.computeIfAbsent(h.page(), p -> new HashMap<>()).putIfAbsent(key(h.text()), h));
        List<DocumentPart> result = new ArrayList<>();
        for (DocumentPart part : parts) {
            if (part instanceof DocumentPart.Content c && c.kind() == BlockKind.PARAGRAPH && byPage.containsKey(c.page())) {
                split(c, byPage.get(c.page()), result);
            } else {
                result.add(part);
            }
        }
        return found.fromOutline() ? result : mergeSplitTitles(result);
    }

    /** A title set over several lines arrives as consecutive headings of one level: one heading again. */
    private static List<DocumentPart> mergeSplitTitles(List<DocumentPart> parts) {
        List<DocumentPart> merged = new ArrayList<>();
        for (DocumentPart part : parts) {
            if (part instanceof DocumentPart.Heading next && !merged.isEmpty()
                    && merged.get(merged.size() - 1) instanceof DocumentPart.Heading previous
                    && previous.level() == next.level() && previous.page() == next.page()
                    && !previous.text().matches(".*[.:!?]$")
                    && TextCleanup.wordCount(previous.text()) + TextCleanup.wordCount(next.text()) <= MAX_MERGED_WORDS) {
                String joined = previous.text().endsWith("-") ? previous.text() + next.text()
                        : previous.text() + " " + next.text();
                merged.set(merged.size() - 1, new DocumentPart.Heading(previous.level(), joined, previous.page()));
            } else {
                merged.add(part);
            }
        }
        return merged;
    }

    private static void split(DocumentPart.Content content, Map<String, Heading> candidates, List<DocumentPart> result) {
        List<String> pending = new ArrayList<>();
        for (String line : content.rawText().lines().toList()) {
            Heading heading = line.length() > MAX_HEADING_CHARACTERS ? null : candidates.remove(key(line)); // each once
            if (heading == null) {
                pending.add(line);
                continue;
            }
            flush(content, pending, result);
            result.add(new DocumentPart.Heading(heading.level(), NumberedHeadings.withoutNumber(heading.text()),
                    content.page()));
        }
        flush(content, pending, result);
    }

    private static void flush(DocumentPart.Content content, List<String> lines, List<DocumentPart> result) {
        if (lines.stream().anyMatch(l -> !l.isBlank())) {
            result.add(new DocumentPart.Content(content.kind(), String.join("\n", lines), content.page(),
                    content.items(), content.rows()));
        }
        lines.clear();
    }

    private static String key(String text) {
        return TextCleanup.normalize(text).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    private record Line(int page, String text, float size, boolean bold) {
    }

    /**
     * Every text line with its largest font size and whether it is all bold; counts characters per
     * size. PDFBox hands over a line word by word, then ends it with a line separator.
     */
    private static final class LineCollector extends PDFTextStripper {
        final List<Line> lines = new ArrayList<>();
        final Map<Float, Integer> charactersPerSize = new HashMap<>();
        private final StringBuilder text = new StringBuilder();
        private float size;
        private boolean bold = true;

        LineCollector() throws IOException {
            setSortByPosition(false);
        }

        @Override
        protected void writeString(String word, List<TextPosition> positions) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(word);
            for (TextPosition p : positions) {
                float s = round(p.getFontSizeInPt());
                size = Math.max(size, s);
                charactersPerSize.merge(s, 1, Integer::sum);
                String font = p.getFont() == null || p.getFont().getName() == null ? "" : p.getFont().getName();
                bold &= font.toLowerCase(Locale.ROOT).contains("bold") || font.contains("Black") || font.contains("Heavy");
            }
        }

        @Override
        protected void writeLineSeparator() {
            endLine();
        }

        @Override
        protected void endPage(PDPage page) throws IOException {
            endLine();
            super.endPage(page);
        }

        private void endLine() {
            if (!text.isEmpty()) {
                lines.add(new Line(getCurrentPageNo(), text.toString(), size, bold));
            }
            text.setLength(0);
            size = 0;
            bold = true;
        }

        float bodySize() {
            return charactersPerSize.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                    .orElse(10f);
        }
    }
}
