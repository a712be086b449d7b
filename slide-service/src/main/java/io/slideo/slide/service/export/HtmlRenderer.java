package io.slideo.slide.service.export;

import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.slideo.design.Box;
import io.slideo.design.Fonts;
import io.slideo.slide.service.export.Composition.Anchor;
import io.slideo.slide.service.export.Composition.Face;
import io.slideo.slide.service.export.Composition.Page;
import io.slideo.slide.service.export.Composition.Rect;
import io.slideo.slide.service.export.Composition.Shape;
import io.slideo.slide.service.export.Composition.Table;
import io.slideo.slide.service.export.Composition.Text;

/**
 * Draws a composition as one HTML document, well-formed XHTML so that the PDF renderer reads the very
 * same markup. Every slide is a 960 x 540 pt box; every shape is absolutely placed at its box. For the
 * HTML export the fonts travel inside the file as data URIs and nothing else is referenced; for the PDF
 * the fonts are handed to the PDF builder instead and the speaker notes stay out of the pages.
 */
public final class HtmlRenderer {
    private static final String CSS = """
            @page { size: 960pt 540pt; margin: 0; }
            * { box-sizing: border-box; }
            html, body { margin: 0; padding: 0; }
            body.preview { background: #3b3f45; padding: 24pt 0; }
            .slide { position: relative; width: 960pt; height: 540pt; overflow: hidden; margin: 0 auto; }
            body.preview .slide { margin: 0 auto 12pt; box-shadow: 0 4pt 16pt rgba(0,0,0,.45); }
            body.print .slide { page-break-inside: avoid; }
            body.print .slide + .slide { page-break-before: always; }
            .frame { position: absolute; overflow: hidden; white-space: normal; word-wrap: break-word;
              overflow-wrap: anywhere; font-kerning: none; font-variant-ligatures: none;
              text-rendering: geometricPrecision; hyphens: manual; }
            .glyph-box { position: absolute; overflow: visible; }
            body.print .frame.title { overflow: visible; } /* a bottom-anchored title's deep descenders (Arabic) */
            .glyph-box p { margin: 0; padding: 0; }
            .valign { display: table; table-layout: fixed; width: 100%; height: 100%; }
            .cell { display: table-cell; }
            .frame p { margin: 0; padding: 0; position: relative; }
            .frame p .glyph { position: absolute; left: 0; top: 0; }
            .frame p.rtl .glyph { left: auto; right: 0; }
            .frame table { width: 100%; table-layout: fixed; border-collapse: collapse; }
            .frame td { vertical-align: top; text-align: left; }
            .notes { width: 960pt; margin: 0 auto 24pt; padding: 10pt 14pt; background: #f4f4f2; color: #1f1f1f;
              font-size: 11pt; line-height: 1.45; }
            .notes h2 { font-size: 9pt; margin: 0 0 4pt; text-transform: uppercase; letter-spacing: .08em; color: #555; }
            .figure.placeholder { display: table; border: 1.5pt dashed rgba(128,128,128,.7); background: rgba(128,128,128,.12); }
            .figure.placeholder span { display: table-cell; vertical-align: middle; text-align: center; padding: 8pt;
              font-size: 12pt; color: inherit; opacity: .8; }
            @media print { body.preview { background: none; padding: 0; }
              body.preview .slide { margin: 0; box-shadow: none; page-break-after: always; } .notes { display: none; } }
            """;

    /** How a slide's figure is drawn: inside the file, or as a box with its caption (a notification has a size limit). */
    public enum Figures {
        EMBEDDED,
        PLACEHOLDER
    }

    private HtmlRenderer() {
    }

    /**
     * One slide as the export draws it (its {@code <section class="slide">}), for a page that shows slides
     * as they are written; {@code number} is the slide's number (index + 1). Null when the deck has no such slide.
     */
    public static String fragment(Composition deck, int number, Figures figures) {
        DeckFonts fallbacks = DeckFonts.of(deck);
        DeckLabels labels = DeckLabels.of(deck.language());
        for (Page page : deck.pages()) {
            if (page.number() == number) {
                StringBuilder html = new StringBuilder(8 * 1024);
                slide(html, page, fallbacks.cssChain(), labels, false, Locale.forLanguageTag(deck.language()), figures);
                return html.toString();
            }
        }
        return null;
    }

    /**
     * The export's stylesheet (what its {@code <style>} holds): the fonts of {@code faces} and of the deck's
     * fallbacks as data URIs, and the rules every slide's markup relies on.
     */
    public static String stylesheet(Composition deck, Set<String> faces) {
        StringBuilder css = new StringBuilder(64 * 1024);
        DeckFonts fallbacks = DeckFonts.of(deck);
        FontFaces.append(css, faces, fallbacks);
        return css.append(CSS).append(".notes { font-family: slideo-sans").append(fallbacks.cssChain())
                .append(", sans-serif; }\n").toString();
    }

    /** The self-contained HTML export: fonts embedded, speaker notes under each slide. */
    public static String document(Composition deck) {
        return render(deck, false);
    }

    /** The markup the PDF renderer draws: one slide per page, fonts supplied to the PDF builder. */
    public static String print(Composition deck) {
        return render(deck, true);
    }

    /** The CSS family name of one of Slideo's fonts; unique, so a browser never picks an installed look-alike. */
    public static String cssFamily(String family) {
        return switch (Fonts.family(family)) {
            case Fonts.SERIF -> "slideo-serif";
            case Fonts.MONO -> "slideo-mono";
            default -> "slideo-sans";
        };
    }

    /** The faces a composition uses, as family + bold pairs ("Liberation Sans|true"). */
    public static Set<String> faces(Composition deck) {
        Set<String> faces = new LinkedHashSet<>();
        faces.add(Fonts.SANS + "|false"); // the notes and the fallback
        for (Page page : deck.pages()) {
            for (Shape shape : page.shapes()) {
                if (shape instanceof Text text) {
                    faces.add(text.face().family() + "|" + text.face().bold());
                } else if (shape instanceof Composition.Plot plot) {
                    faces.add(plot.face().family() + "|false");
                } else if (shape instanceof Table table) {
                    faces.add(table.face().family() + "|false");
                    faces.add(table.face().family() + "|true");
                }
            }
        }
        return faces;
    }

    private static String render(Composition deck, boolean print) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
                .append(escape(deck.language())).append("\">\n<head>\n<meta charset=\"utf-8\" />\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
                .append("<meta name=\"generator\" content=\"Slideo\" />\n<title>").append(escape(deck.title()))
                .append("</title>\n<style>\n");
        DeckFonts fallbacks = DeckFonts.of(deck);
        if (print) {
            html.append(CSS).append(".notes { font-family: slideo-sans").append(fallbacks.cssChain())
                    .append(", sans-serif; }\n");
        } else {
            html.append(stylesheet(deck, faces(deck)));
        }
        html.append("</style>\n</head>\n<body class=\"").append(print ? "print" : "preview").append("\">\n");
        String chain = fallbacks.cssChain();
        DeckLabels labels = DeckLabels.of(deck.language());
        for (Page page : deck.pages()) {
            slide(html, page, chain, labels, print, Locale.forLanguageTag(deck.language()), Figures.EMBEDDED);
            if (!print && !page.notes().isEmpty()) {
                html.append("<aside class=\"notes\"").append(page.rightToLeft() ? " dir=\"rtl\"" : "")
                        .append(" aria-label=\"").append(escape(labels.notesFor(page.number()))).append("\"><h2>")
                        .append(escape(labels.notes())).append("</h2>").append(escape(page.notes())).append("</aside>\n");
            }
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    /** A slide's markup: the one template of the export, the PDF and the live fragment. */
    private static void slide(StringBuilder html, Page page, String chain, DeckLabels labels, boolean print, Locale locale,
            Figures figures) {
        String layout = page.layout().name().toLowerCase(Locale.ROOT);
        html.append("<section class=\"slide ").append(layout).append("\" id=\"slide-").append(page.number())
                .append("\" data-slide=\"").append(page.number()).append("\" data-layout=\"").append(layout)
                .append(page.rightToLeft() ? "\" dir=\"rtl" : "").append("\" aria-label=\"")
                .append(escape(labels.slide(page.number()))).append(": ").append(escape(page.title()))
                .append("\" style=\"background-color: ").append(page.background()).append(";\">\n");
        for (Shape shape : page.shapes()) {
            if (shape instanceof Rect rect) {
                html.append("<div class=\"decoration\" aria-hidden=\"true\" style=\"position: absolute; ")
                        .append(place(rect.box())).append(" background-color: ").append(rect.colour()).append(";\"></div>\n");
            } else if (shape instanceof Text text) {
                text(html, text, chain);
            } else if (shape instanceof Table table) {
                HtmlTable.append(html, table, chain, page.rightToLeft(), print);
            } else if (shape instanceof Composition.Plot plot) {
                ChartSvg.append(html, plot, chain, locale);
            } else if (shape instanceof Composition.Picture picture) {
                if (figures == Figures.EMBEDDED) {
                    picture(html, picture);
                } else {
                    placeholder(html, picture, chain);
                }
            }
        }
        html.append("</section>\n");
    }

    /** The figure's box with what it shows, and no picture: a picture would not fit in a notification. */
    private static void placeholder(StringBuilder html, Composition.Picture picture, String chain) {
        html.append("<div class=\"figure placeholder\" role=\"img\" aria-label=\"").append(escape(picture.alt()))
                .append("\" style=\"position: absolute; ").append(place(picture.box())).append(" font-family: slideo-sans")
                .append(chain).append(", sans-serif;\"><span>").append(escape(picture.alt())).append("</span></div>\n");
    }

    /** The picture inside the file (a data: URI): an exported deck is one self-contained file. */
    private static void picture(StringBuilder html, Composition.Picture picture) {
        html.append("<img class=\"figure\" alt=\"").append(escape(picture.alt())).append("\" src=\"data:")
                .append(picture.mediaType()).append(";base64,").append(Base64.getEncoder().encodeToString(picture.bytes()))
                .append("\" style=\"position: absolute; ").append(place(picture.box())).append("\" />\n");
    }

    private static void text(StringBuilder html, Text text, String chain) {
        // Decoration is not a text frame: a glyph may reach past its line box without any text being cut.
        html.append("decoration".equals(text.role()) ? "<div class=\"decoration glyph-box\" aria-hidden=\"true\""
                : "<div class=\"frame " + text.role() + "\"")
                .append(" style=\"").append(place(text.box())).append(font(text.face(), chain)).append(" line-height: ")
                .append(pt(text.lineHeight())).append("; color: ").append(text.colour()).append("; text-align: ")
                .append(text.align() == Composition.Align.RIGHT ? "right" : "left").append(";\">");
        boolean aligned = text.anchor() != Anchor.TOP;
        if (aligned) {
            html.append("<div class=\"valign\"><div class=\"cell\" style=\"vertical-align: ")
                    .append(text.anchor() == Anchor.BOTTOM ? "bottom" : "middle").append(";\">");
        }
        List<String> paragraphs = text.paragraphs();
        for (int i = 0; i < paragraphs.size(); i++) {
            String hint = i < text.hints().size() ? text.hints().get(i) : "";
            html.append("<p");
            boolean rtl = text.align() == Composition.Align.RIGHT;
            if (text.bulleted()) {
                html.append(rtl ? " class=\"bullet rtl\"" : " class=\"bullet\"");
            }
            if (!hint.isEmpty()) {
                html.append(" title=\"").append(escape(hint)).append("\" data-source=\"").append(escape(hint)).append('"');
            }
            html.append(" style=\"");
            if (text.bulleted()) {
                html.append(rtl ? "padding-right: " : "padding-left: ").append(pt(text.indent())).append(";");
            }
            if (text.gapAfter() > 0) {
                html.append(" margin-bottom: ").append(pt(text.gapAfter())).append(";");
            }
            html.append("\">");
            if (text.bulleted()) {
                html.append("<span class=\"glyph\" aria-hidden=\"true\" style=\"color: ").append(text.glyphColour())
                        .append(";\">").append(DeckComposer.GLYPH).append("</span>");
            }
            html.append(escape(paragraphs.get(i))).append("</p>");
        }
        if (aligned) {
            html.append("</div></div>");
        }
        html.append("</div>\n");
    }

    static String place(Box box) {
        return "left: " + pt(box.x()) + "; top: " + pt(box.y()) + "; width: " + pt(box.width()) + "; height: "
                + pt(box.height()) + ";";
    }

    static String font(Face face, String chain) {
        return " font-family: " + cssFamily(face.family()) + chain + "; font-size: " + pt(face.size()) + "; font-weight: "
                + (face.bold() ? 700 : 400) + ";";
    }

    static String pt(float value) {
        String number = String.format(Locale.ROOT, "%.2f", value).replaceAll("\\.?0+$", "");
        return number + "pt";
    }

    /** Escapes for text and attributes alike, and drops what XML cannot carry (the PDF renderer parses XML). */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                            || c >= 0x10000) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
