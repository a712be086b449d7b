package io.slideo.slide.service.export;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.slideo.design.Box;
import io.slideo.design.Fonts;
import io.slideo.design.SlideFit;
import io.slideo.design.SlideGeometry;
import io.slideo.design.TextMeasure;
import io.slideo.model.deck.Bullet;
import io.slideo.model.deck.Chart;
import io.slideo.model.deck.ChartReading;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.theme.Theme;
import io.slideo.slide.service.export.Composition.Align;
import io.slideo.slide.service.export.Composition.Anchor;
import io.slideo.slide.service.export.Composition.Face;
import io.slideo.slide.service.export.Composition.Page;
import io.slideo.slide.service.export.Composition.Rect;
import io.slideo.slide.service.export.Composition.Shape;
import io.slideo.slide.service.export.Composition.Table;
import io.slideo.slide.service.export.Composition.Text;

/**
 * Lays a deck out with its theme, in the boxes of shared-design's SlideGeometry and with SlideFit's
 * spacing rules: exactly what the worker's quality gate measured, so a slide that passed it fits here.
 * Bodies are bulleted (indent 1.2 em, 0.5 em after each), except the subtitle of title and section
 * slides (same spacing, no glyph, which only leaves more room) and the quote.
 */
public final class DeckComposer {
    static final String GLYPH = "\u2022";
    static final Box SOURCES = new Box(56, 502, 780, 22);
    static final float SOURCES_SIZE = 11;
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final float BAND = 12;

    private DeckComposer() {
    }

    /** A deck in the language its own text is written in (see {@link DeckLanguage}). */
    public static Composition compose(String deckTitle, Theme theme, List<String> documentIds, List<SlideContent> slides) {
        return compose(deckTitle, theme, documentIds, slides, DeckLanguage.of(texts(deckTitle, slides)));
    }

    public static Composition compose(String deckTitle, Theme theme, List<String> documentIds, List<SlideContent> slides,
            String language) {
        Theme safe = sanitise(theme);
        SourceFooter sources = new SourceFooter(documentIds, language);
        List<Page> pages = new ArrayList<>();
        for (SlideContent slide : slides) {
            pages.add(directed(page(slide, safe, sources), language));
        }
        return new Composition(deckTitle, language, pages);
    }

    private static List<String> texts(String deckTitle, List<SlideContent> slides) {
        List<String> texts = new ArrayList<>();
        texts.add(deckTitle == null ? "" : deckTitle);
        for (SlideContent slide : slides) {
            texts.add(slide.title() == null ? "" : slide.title());
            slide.bullets().forEach(b -> texts.add(b.text() == null ? "" : b.text()));
            slide.secondColumn().forEach(b -> texts.add(b.text() == null ? "" : b.text()));
            slide.table().forEach(row -> texts.addAll(row.stream().map(c -> c == null ? "" : c).toList()));
        }
        return texts;
    }

    /** A theme whose every value can be used as it is: colours #rrggbb, families Slideo ships, a known style. */
    public static Theme sanitise(Theme t) {
        Theme theme = t == null ? new Theme("slideo-light", "Slideo Light", "", null, null, null, null, null, null) : t;
        String style = switch (theme.style()) {
            case "band", "rule", "plain" -> theme.style();
            default -> "rule";
        };
        return new Theme(theme.id(), theme.name(), theme.description(), colour(theme.backgroundColor(), "#ffffff"),
                colour(theme.textColor(), "#1f2933"), colour(theme.titleColor(), "#102a43"),
                colour(theme.accentColor(), "#2f6fde"), Fonts.family(theme.headingFont()), Fonts.family(theme.bodyFont()),
                theme.titleFontSize(), theme.bodyFontSize(), theme.lineSpacing(), style);
    }

    private static Page page(SlideContent slide, Theme theme, SourceFooter sources) {
        SlideLayout layout = slide.layout() == null ? SlideLayout.BULLETS : slide.layout();
        // A figure whose picture could not be read leaves its bullets the whole width.
        if (layout == SlideLayout.IMAGE && slide.figure() == null) {
            layout = SlideLayout.BULLETS;
        }
        SlideGeometry.Frame frame = SlideGeometry.frame(layout);
        List<Shape> shapes = new ArrayList<>(decoration(layout, theme));
        if (layout == SlideLayout.QUOTE && !slide.bullets().isEmpty()) {
            shapes.add(quoteMark(clean(slide.bullets().get(0).text()), theme, frame));
        }
        float ls = (float) theme.lineSpacing();

        float titleSize = theme.titleFontSize() * frame.titleScale();
        Anchor titleAnchor = layout == SlideLayout.QUOTE ? Anchor.TOP : Anchor.BOTTOM;
        shapes.add(new Text("title", frame.title(), new Face(theme.headingFont(), true, titleSize), titleSize * ls,
                theme.titleColor(), titleAnchor, Align.LEFT, false, 0, 0, null, List.of(clean(slide.title())), List.of()));

        float bodySize = theme.bodyFontSize() * frame.bodyScale();
        Face body = new Face(theme.bodyFont(), false, bodySize);
        List<Bullet> bullets = slide.bullets();
        switch (layout) {
            case TITLE, SECTION -> shapes.add(paragraphs("body", frame.body(), body, theme, bullets, sources));
            case QUOTE -> {
                if (!bullets.isEmpty()) {
                    Bullet quote = bullets.get(0);
                    shapes.add(new Text("body", frame.body(), body, bodySize * ls, theme.textColor(), Anchor.MIDDLE,
                            Align.LEFT, false, 0, 0, null, List.of(clean(quote.text())),
                            List.of(sources.hint(quote.source()))));
                }
            }
            case TABLE -> {
                if (slide.table().isEmpty()) {
                    shapes.add(bulleted("body", frame.body(), body, theme, bullets, sources));
                } else {
                    shapes.add(table(frame.body(), theme, slide.table()));
                }
            }
            case CHART -> {
                var chart = ChartReading.of(slide.table());
                if (chart.isPresent()) {
                    shapes.add(plot(frame.body(), theme, chart.get(), slide.table().get(0).get(0)));
                } else if (!slide.table().isEmpty()) {
                    shapes.add(table(frame.body(), theme, slide.table())); // rows that no longer read as a chart
                } else {
                    shapes.add(bulleted("body", frame.body(), body, theme, bullets, sources));
                }
            }
            case TWO_COLUMNS -> {
                shapes.add(bulleted("body", frame.body(), body, theme, bullets, sources));
                shapes.add(bulleted("second", frame.second(), body, theme, slide.secondColumn(), sources));
            }
            case IMAGE -> {
                shapes.add(bulleted("body", frame.body(), body, theme, bullets, sources));
                shapes.addAll(FigureComposer.shapes(slide.figure(), frame.second(), theme));
            }
            default -> shapes.add(bulleted("body", frame.body(), body, theme, bullets, sources));
        }

        List<Bullet> sourced = new ArrayList<>(bullets);
        sourced.addAll(slide.secondColumn());
        if (slide.tableSource() != null && !slide.table().isEmpty()) {
            sourced.add(new Bullet("", slide.tableSource())); // the table's rows cite where the table stands
        }
        String footer = sources.footer(sourced, theme, SOURCES_SIZE, SOURCES.width());
        if (!footer.isEmpty()) {
            shapes.add(new Text("sources", SOURCES, new Face(theme.bodyFont(), false, SOURCES_SIZE), SOURCES_SIZE * 1.2f,
                    theme.textColor(), Anchor.BOTTOM, Align.LEFT, false, 0, 0, null, List.of(footer), List.of()));
        }
        int number = slide.index() + 1;
        if (layout != SlideLayout.TITLE) {
            shapes.add(new Text("number", SlideGeometry.NUMBER, new Face(theme.bodyFont(), false, SlideGeometry.NUMBER_SIZE),
                    SlideGeometry.NUMBER_SIZE * 1.2f, theme.textColor(), Anchor.BOTTOM, Align.RIGHT, false, 0, 0, null,
                    List.of(Integer.toString(number)), List.of()));
        }
        return new Page(number, layout, clean(slide.title()), theme.backgroundColor(), shapes,
                slide.notes() == null ? "" : slide.notes().strip(), false);
    }

    /** A right-to-left slide's text starts at the right: its title, body and footer are right-aligned. */
    private static Page directed(Page page, String language) {
        List<String> texts = new ArrayList<>(List.of(page.title()));
        page.shapes().stream().filter(s -> s instanceof Text t && !"decoration".equals(t.role()))
                .forEach(s -> texts.addAll(((Text) s).paragraphs()));
        if (!TextDirection.rightToLeft(texts, language)) {
            return page;
        }
        List<Shape> shapes = page.shapes().stream().map(DeckComposer::mirrored).toList();
        return new Page(page.number(), page.layout(), page.title(), page.background(), shapes, page.notes(), true);
    }

    private static Text bulleted(String role, Box box, Face face, Theme theme, List<Bullet> bullets,
            SourceFooter sources) {
        float size = face.size();
        return new Text(role, box, face, size * (float) theme.lineSpacing(), theme.textColor(), Anchor.TOP, Align.LEFT,
                true, SlideFit.BULLET_INDENT_EM * size, SlideFit.BULLET_GAP_EM * size, theme.accentColor(),
                bullets.stream().map(b -> clean(b.text())).toList(),
                bullets.stream().map(b -> sources.hint(b.source())).toList());
    }

    private static Text paragraphs(String role, Box box, Face face, Theme theme, List<Bullet> bullets,
            SourceFooter sources) {
        float size = face.size();
        return new Text(role, box, face, size * (float) theme.lineSpacing(), theme.textColor(), Anchor.TOP, Align.LEFT,
                false, 0, SlideFit.BULLET_GAP_EM * size, null, bullets.stream().map(b -> clean(b.text())).toList(),
                bullets.stream().map(b -> sources.hint(b.source())).toList());
    }

    private static Table table(Box box, Theme theme, List<List<String>> raw) {
        List<List<String>> rows = raw.stream().map(r -> r.stream().map(DeckComposer::clean).toList()).toList();
        int columns = Math.max(1, rows.stream().mapToInt(List::size).max().orElse(1));
        float size = theme.bodyFontSize() * SlideFit.TABLE_SCALE;
        float lineHeight = size * (float) theme.lineSpacing();
        float cellWidth = box.width() / columns - 2 * SlideFit.CELL_PADDING;
        List<Float> heights = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            var font = Fonts.awt(theme.bodyFont(), r == 0, size);
            int tallest = 1;
            for (String cell : rows.get(r)) {
                tallest = Math.max(tallest, TextMeasure.lines(cell, font, cellWidth));
            }
            heights.add(tallest * lineHeight + 2 * SlideFit.CELL_PADDING);
        }
        return new Table("body", box, new Face(theme.bodyFont(), false, size), lineHeight, SlideFit.CELL_PADDING,
                theme.textColor(), theme.accentColor(), rows, columns, heights);
    }

    private static Composition.Plot plot(Box box, Theme theme, Chart chart, String categoryTitle) {
        int colours = chart.kind() == Chart.Kind.PIE ? chart.categories().size() : chart.series().size();
        float size = SlideFit.chartLabelSize(theme); // what the quality gate measured
        return new Composition.Plot("body", box, chart, new Face(theme.bodyFont(), false, size), theme.textColor(),
                ChartPalette.grid(theme), theme.backgroundColor(), ChartPalette.series(theme, colours), clean(categoryTitle));
    }

    /** A shape of a right-to-left slide: text right-aligned, decoration (bands, rules, quote mark) mirrored. */
    private static Shape mirrored(Shape shape) {
        if (shape instanceof Rect r) {
            return new Rect(r.role(), mirrored(r.box()), r.colour());
        }
        if (shape instanceof Text t && !"number".equals(t.role())) {
            boolean decoration = "decoration".equals(t.role());
            return new Text(t.role(), decoration ? mirrored(t.box()) : t.box(), t.face(), t.lineHeight(), t.colour(),
                    t.anchor(), decoration ? t.align() : Align.RIGHT, t.bulleted(), t.indent(), t.gapAfter(),
                    t.glyphColour(), t.paragraphs(), t.hints());
        }
        return shape;
    }

    private static Box mirrored(Box box) {
        return new Box(SlideGeometry.WIDTH - box.x() - box.width(), box.y(), box.width(), box.height());
    }

    /** The theme's decoration: a band along the top (and the left of title and section slides), or a rule under the title. */
    private static List<Shape> decoration(SlideLayout layout, Theme theme) {
        List<Shape> shapes = new ArrayList<>();
        String accent = theme.accentColor();
        switch (theme.style()) {
            case "band" -> {
                shapes.add(new Rect("decoration", new Box(0, 0, SlideGeometry.WIDTH, BAND), accent));
                if (layout == SlideLayout.TITLE || layout == SlideLayout.SECTION) {
                    shapes.add(new Rect("decoration", new Box(0, 0, 20, SlideGeometry.HEIGHT), accent));
                }
            }
            case "rule" -> {
                SlideGeometry.Frame frame = SlideGeometry.frame(layout);
                Box title = frame.title();
                switch (layout) {
                    case QUOTE -> {
                    }
                    case TITLE, SECTION, CLOSING -> shapes.add(new Rect("decoration",
                            new Box(title.x(), Math.min(title.y() + title.height() + 4, frame.body().y() - 6), 160, 4), accent));
                    default -> shapes.add(new Rect("decoration",
                            new Box(title.x(), title.y() + title.height() + 5, title.width(), 3), accent));
                }
            }
            default -> {
            }
        }
        return shapes;
    }

    /** A large opening quotation mark beside the first line of the (vertically centred) quote. */
    private static Text quoteMark(String quote, Theme theme, SlideGeometry.Frame frame) {
        Box body = frame.body();
        float size = theme.bodyFontSize() * frame.bodyScale();
        int lines = Math.max(1, TextMeasure.lines(quote, Fonts.awt(theme.bodyFont(), false, size), body.width()));
        float height = Math.min(body.height(), lines * size * (float) theme.lineSpacing());
        float firstLine = body.y() + (body.height() - height) / 2;
        return new Text("decoration", new Box(36, Math.max(24, firstLine - 12), 56, 100), new Face(Fonts.SERIF, true, 96),
                96, theme.accentColor(), Anchor.TOP, Align.LEFT, false, 0, 0, null, List.of("\u201c"), List.of());
    }

    /** Text as the renderers may draw it: no control characters, whitespace collapsed. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                out.append(' ');
            } else if (!Character.isISOControl(c) && c != 0xFFFE && c != 0xFFFF
                    && Character.getType(c) != Character.SURROGATE && Character.getType(c) != Character.UNASSIGNED) {
                out.appendCodePoint(c);
            }
        });
        return out.toString().replaceAll(" {2,}", " ").strip();
    }

    private static String colour(String value, String fallback) {
        return value != null && COLOUR.matcher(value).matches() ? value.toLowerCase() : fallback;
    }
}
