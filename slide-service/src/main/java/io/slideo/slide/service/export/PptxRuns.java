package io.slideo.slide.service.export;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.xml.namespace.QName;

import org.apache.poi.common.usermodel.fonts.FontGroup;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.xmlbeans.XmlCursor;

import io.slideo.design.FallbackFont;
import io.slideo.design.FallbackFont.Kind;
import io.slideo.slide.service.export.Composition.Face;

/**
 * A PPTX paragraph's text as runs whose declared typefaces draw every character: PowerPoint draws CJK
 * with a run's east-asian typeface ({@code a:ea}), Arabic, Hebrew, Indic and Thai with its complex-script
 * one ({@code a:cs}) and the rest with its latin one, so a run declares the deck's fallback font in the
 * slot of each script it holds, and math or symbol characters get a run of their own whose latin
 * typeface has them. Each run carries the deck's language tag.
 */
final class PptxRuns {
    private final DeckFonts fonts;
    private final String language;
    private final String eastAsian;
    private final String complex;

    PptxRuns(DeckFonts fonts, String language) {
        this.fonts = fonts;
        this.language = language;
        this.eastAsian = first(fonts, Kind.EAST_ASIAN);
        this.complex = first(fonts, Kind.COMPLEX);
    }

    void add(XSLFTextParagraph paragraph, String content, Face face, Color colour, boolean rightToLeft) {
        if (rightToLeft) {
            (paragraph.getXmlObject().isSetPPr() ? paragraph.getXmlObject().getPPr()
                    : paragraph.getXmlObject().addNewPPr()).setRtl(true);
        }
        for (Segment segment : segments(content)) {
            XSLFTextRun run = paragraph.addNewTextRun();
            run.setText(segment.text());
            FallbackFont font = segment.font();
            run.setFontFamily(font != null && font.kind() == Kind.SYMBOL ? font.typeface() : face.family(),
                    FontGroup.LATIN);
            // PowerPoint draws supplementary-plane characters (math letters too) with the east-asian typeface.
            String ea = font != null && font.kind() != Kind.COMPLEX ? font.typeface() : eastAsian;
            String cs = font != null && font.kind() == Kind.COMPLEX ? font.typeface() : complex;
            if (ea != null) {
                run.setFontFamily(ea, FontGroup.EAST_ASIAN);
            }
            if (cs != null) {
                run.setFontFamily(cs, FontGroup.COMPLEX_SCRIPT);
            }
            run.setFontSize((double) face.size());
            run.setBold(face.bold());
            run.setFontColor(colour);
            if (language != null && !language.isBlank()) {
                // Through the cursor: POI's lite schema jar leaves out the typed lang setter.
                try (XmlCursor cursor = run.getRPr(true).newCursor()) {
                    cursor.setAttributeText(new QName("lang"), language);
                }
            }
        }
    }

    /** Maximal stretches drawn by one font (null: Liberation); spaces and punctuation join the stretch they are in. */
    private List<Segment> segments(String content) {
        List<Segment> segments = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        FallbackFont current = null;
        boolean started = false;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            i += Character.charCount(cp);
            boolean neutral = Character.isWhitespace(cp) || DeckFonts.liberationHas(cp) && !Character.isLetterOrDigit(cp);
            FallbackFont font = neutral ? current : fonts.forCodePoint(cp).orElse(null);
            if (started && !Objects.equals(font, current)) {
                segments.add(new Segment(text.toString(), current));
                text.setLength(0);
            }
            current = font;
            started = true;
            text.appendCodePoint(cp);
        }
        segments.add(new Segment(text.toString(), current));
        return segments;
    }

    private static String first(DeckFonts fonts, Kind kind) {
        Optional<FallbackFont> font = fonts.fonts().stream().filter(f -> f.kind() == kind).findFirst();
        return font.map(FallbackFont::typeface).orElse(null);
    }

    private record Segment(String text, FallbackFont font) {
    }
}
