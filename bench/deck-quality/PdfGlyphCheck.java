import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDVectorFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads a PDF export back and counts the characters a reader cannot see: text positions whose font
 * has no glyph for the code drawn (glyph 0, .notdef, drawn as an empty box or nothing) and the "#"
 * signs openhtmltopdf draws in place of a character no font of the page covers. Run by the
 * deck-quality report as a single-file program on slide-service's runtime classpath (PDFBox):
 * {@code java -cp <classpath> PdfGlyphCheck.java a.pdf ...}. Prints one tab-separated line per file:
 * file, text positions, positions without a glyph, "#" signs, the characters without a glyph (unique),
 * then the PDF's text (tabs and newlines escaped) so the report can compare it with the deck's text.
 */
public class PdfGlyphCheck {

    public static void main(String[] args) throws IOException {
        // UTF-8 whatever the locale: under a C locale Java 17 would print every other letter as "?".
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        for (String file : args) {
            try (PDDocument pdf = Loader.loadPDF(new File(file))) {
                Counter counter = new Counter();
                counter.setSortByPosition(true);
                String text = counter.getText(pdf);
                out.println(String.join("\t", file, String.valueOf(counter.positions),
                        String.valueOf(counter.withoutGlyph), String.valueOf(counter.hashes),
                        escape(String.join("", counter.missing.keySet())), escape(text)));
            }
        }
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "").replace("\n", "\\n");
    }

    /** Counts, while PDFBox extracts the text, every position drawn without a glyph. */
    static final class Counter extends PDFTextStripper {
        long positions;
        long withoutGlyph;
        long hashes;
        final Map<String, Integer> missing = new TreeMap<>();

        Counter() throws IOException {
        }

        @Override
        protected void writeString(String text, List<TextPosition> textPositions) throws IOException {
            for (TextPosition position : textPositions) {
                positions++;
                String unicode = position.getUnicode();
                if ("#".equals(unicode)) {
                    hashes++;
                }
                if (!hasGlyphs(position)) {
                    withoutGlyph++;
                    missing.merge(unicode == null ? "\uFFFD" : unicode, 1, Integer::sum);
                }
            }
            super.writeString(text, textPositions);
        }

        private static boolean hasGlyphs(TextPosition position) throws IOException {
            PDFont font = position.getFont();
            if (!(font instanceof PDVectorFont vector)) {
                return true; // Type 3 fonts draw their glyphs as content streams: nothing to look up
            }
            for (int code : position.getCharacterCodes()) {
                if (!vector.hasGlyph(code)) {
                    return false;
                }
            }
            return true;
        }
    }
}
