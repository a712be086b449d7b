package io.slideo.slide.service.export;

import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import io.slideo.design.FallbackFont;
import io.slideo.design.FallbackFonts;
import io.slideo.design.Fonts;
import io.slideo.slide.service.export.Composition.Page;
import io.slideo.slide.service.export.Composition.Shape;
import io.slideo.slide.service.export.Composition.Table;
import io.slideo.slide.service.export.Composition.Text;

/**
 * The fallback fonts one deck needs, each with the characters it draws there: every character that
 * Liberation lacks goes to the first font of the deck language's chain that has it. Only these fonts
 * are embedded, each subset to these characters (complex-script fonts whole, for their shaping tables).
 */
final class DeckFonts {
    // Sans, Serif and Mono cover the same characters; one face answers for all.
    private static final Font LIBERATION = Fonts.awt(Fonts.SANS, false, 12);
    private final Map<FallbackFont, TreeSet<Integer>> used;

    private DeckFonts(Map<FallbackFont, TreeSet<Integer>> used) {
        this.used = used;
    }

    static DeckFonts of(Composition deck) {
        Map<FallbackFont, TreeSet<Integer>> used = new LinkedHashMap<>();
        for (String text : texts(deck)) {
            text.codePoints().filter(cp -> !Character.isWhitespace(cp) && !liberationHas(cp)).forEach(cp ->
                    FallbackFonts.covering(cp, deck.language())
                            .ifPresent(font -> used.computeIfAbsent(font, f -> new TreeSet<>()).add(cp)));
        }
        // In chain order, so the CSS family list tries the deck language's CJK font first.
        Map<FallbackFont, TreeSet<Integer>> ordered = new LinkedHashMap<>();
        for (FallbackFont font : FallbackFonts.chain(deck.language())) {
            if (used.containsKey(font)) {
                ordered.put(font, used.get(font));
            }
        }
        return new DeckFonts(ordered);
    }

    /** Every text of the deck a renderer draws, the notes included. */
    static List<String> texts(Composition deck) {
        List<String> texts = new ArrayList<>();
        texts.add(deck.title());
        for (Page page : deck.pages()) {
            texts.add(page.title());
            texts.add(page.notes());
            for (Shape shape : page.shapes()) {
                if (shape instanceof Text text) {
                    texts.addAll(text.paragraphs());
                    texts.addAll(text.hints());
                } else if (shape instanceof Table table) {
                    table.rows().forEach(texts::addAll);
                } else if (shape instanceof Composition.Plot plot) {
                    texts.addAll(plot.chart().categories());
                    plot.chart().series().forEach(s -> texts.add(s.name()));
                    // The chart's own marks: its minus sign, ellipsis and unit.
                    texts.addAll(List.of(plot.chart().valueTitle(), plot.categoryTitle(), plot.chart().unit(), "\u2212\u2026"));
                }
            }
        }
        return texts;
    }

    static boolean liberationHas(int codePoint) {
        return LIBERATION.canDisplay(codePoint);
    }

    /** The fallback fonts used, in the order a renderer should try them. */
    List<FallbackFont> fonts() {
        return List.copyOf(used.keySet());
    }

    /** The font's TrueType bytes reduced to what this deck draws with it. */
    byte[] subset(FallbackFont font) {
        return FallbackFonts.subset(font, used.get(font));
    }

    /** The CSS families after a Liberation family: ", slideo-ja, slideo-arabic". */
    String cssChain() {
        StringBuilder chain = new StringBuilder();
        used.keySet().forEach(f -> chain.append(", ").append(f.cssFamily()));
        return chain.toString();
    }

    /** The font that draws a character Liberation lacks, among the ones this deck uses. */
    Optional<FallbackFont> forCodePoint(int codePoint) {
        return used.entrySet().stream().filter(e -> e.getValue().contains(codePoint)).map(Map.Entry::getKey).findFirst();
    }
}
