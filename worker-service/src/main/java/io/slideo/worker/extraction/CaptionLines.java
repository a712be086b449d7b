package io.slideo.worker.extraction;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import io.slideo.worker.text.TextCleanup;

/** The lines of a PDF page that open a caption ("Figure 3:", "Fig. 2.", "Table 1", "Abb. 4"), with where they stand. */
final class CaptionLines extends PDFTextStripper {
    static final Pattern CAPTION = Pattern.compile(
            "(?iu)^(fig(ure|\\.)?|table|tab\\.|abb(ildung|\\.)|tabelle|chart|graph|plate|exhibit|figura|tableau)"
                    + "\\s*([0-9]+|[IVX]+)[a-z]?(\\b|[.:])(?!\\s*(and|to|in|of|shows|illustrates)\\b).*");
    private static final int MAX_CAPTION = 240;
    // A caption further from its picture than this share of the page belongs to another one.
    private static final float NEAR = 0.2f;

    /** A caption line; {@code y} is its baseline from the top of the page. */
    record Line(String text, float left, float right, float y) {
    }

    private final Map<Integer, List<Line>> lines = new HashMap<>();
    private final StringBuilder text = new StringBuilder();
    private final List<TextPosition> positions = new ArrayList<>();

    private CaptionLines() throws IOException {
        setSortByPosition(false);
    }

    static Map<Integer, List<Line>> onPages(PDDocument document, List<Integer> pages) throws IOException {
        CaptionLines reader = new CaptionLines();
        for (int page : pages) {
            reader.setStartPage(page);
            reader.setEndPage(page);
            reader.getText(document);
        }
        return reader.lines;
    }

    /** Where a picture stands on its page, top-down, in points. */
    record Box(float left, float right, float top, float bottom) {
    }

    /**
     * Each picture's caption: the nearest caption line above or below it and across from it, each line
     * given to one picture only, nearest pairs first; null for a picture with no caption near.
     */
    static List<String> assign(List<Box> boxes, List<Line> captions, float pageHeight) {
        List<float[]> pairs = new ArrayList<>(); // gap, box index, caption index
        for (int b = 0; b < boxes.size(); b++) {
            for (int c = 0; c < captions.size(); c++) {
                Box box = boxes.get(b);
                Line line = captions.get(c);
                boolean across = line.right >= box.left && line.left <= box.right;
                float gap = line.y >= box.bottom ? line.y - box.bottom : line.y <= box.top ? box.top - line.y : 0;
                if (across && gap <= NEAR * pageHeight) {
                    pairs.add(new float[] { gap, b, c });
                }
            }
        }
        pairs.sort((x, y) -> Float.compare(x[0], y[0]));
        String[] chosen = new String[boxes.size()];
        boolean[] taken = new boolean[captions.size()];
        for (float[] pair : pairs) {
            int b = (int) pair[1];
            int c = (int) pair[2];
            if (chosen[b] == null && !taken[c]) {
                chosen[b] = captions.get(c).text;
                taken[c] = true;
            }
        }
        return java.util.Arrays.asList(chosen);
    }

    @Override
    protected void writeString(String word, List<TextPosition> wordPositions) {
        if (text.length() > 0) {
            text.append(' ');
        }
        text.append(word);
        positions.addAll(wordPositions);
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
        String line = TextCleanup.normalize(text.toString()).strip();
        if (!positions.isEmpty() && CAPTION.matcher(line).matches()) {
            TextPosition first = positions.get(0);
            TextPosition last = positions.get(positions.size() - 1);
            String caption = line.length() > MAX_CAPTION ? line.substring(0, MAX_CAPTION).strip() + "…" : line;
            lines.computeIfAbsent(getCurrentPageNo(), p -> new ArrayList<>()).add(new Line(caption,
                    first.getXDirAdj(), last.getXDirAdj() + last.getWidthDirAdj(), first.getYDirAdj()));
        }
        text.setLength(0);
        positions.clear();
    }
}
