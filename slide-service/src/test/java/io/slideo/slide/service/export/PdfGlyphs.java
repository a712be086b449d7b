package io.slideo.slide.service.export;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDVectorFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import io.slideo.slide.service.export.Composition.Page;
import io.slideo.slide.service.export.Composition.Table;
import io.slideo.slide.service.export.Composition.Text;

/**
 * Reads a PDF back with PDFBox: every drawn character's font is embedded and maps its code to a real
 * glyph (not .notdef, not a '#' stand-in); returns each page's text.
 */
final class PdfGlyphs {

    private PdfGlyphs() {
    }

    static List<String> check(byte[] pdf) throws IOException {
        List<String> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    for (TextPosition position : positions) {
                        glyph(position);
                    }
                    super.writeString(text, positions);
                }
            };
            for (int i = 1; i <= document.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                pages.add(stripper.getText(document));
            }
        }
        return pages;
    }

    private static void glyph(TextPosition position) throws IOException {
        PDFont font = position.getFont();
        String where = "'" + position.getUnicode() + "' in " + font.getName();
        if (!font.isEmbedded()) {
            throw new AssertionError(where + " is not embedded");
        }
        if ("#".equals(position.getUnicode())) {
            throw new AssertionError("a '#' stand-in is drawn with " + font.getName());
        }
        for (int code : position.getCharacterCodes()) {
            if (!(font instanceof PDVectorFont vector) || !vector.hasGlyph(code)) {
                throw new AssertionError(where + " draws code " + code + " as .notdef");
            }
        }
    }

    /** What a slide says on its page: titles, paragraphs with their bullet glyphs, table cells. */
    static String expected(Page page) {
        StringBuilder text = new StringBuilder();
        page.shapes().forEach(shape -> {
            if (shape instanceof Text t) {
                t.paragraphs().forEach(p -> text.append(t.bulleted() ? DeckComposer.GLYPH : "").append(p).append(' '));
            } else if (shape instanceof Table t) {
                t.rows().forEach(row -> row.forEach(cell -> text.append(cell).append(' ')));
            }
        });
        return text.toString();
    }

    /** The characters of a text, whitespace left out, sorted: equal when two texts say the same. */
    static String sorted(String text) {
        // Shaped Arabic reads back as presentation forms (and lam-alef as one ligature): compare letters.
        String letters = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder();
        Glyphs.visible(letters).stream().sorted().forEach(out::appendCodePoint);
        return out.toString();
    }
}
