package io.slideo.content.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.slideo.model.theme.Theme;

class ThemeRulesTest {

    @Test
    void contrastFollowsWcag() {
        assertEquals(21.0, ThemeRules.contrast("#000000", "#ffffff"), 0.01);
        assertEquals(1.0, ThemeRules.contrast("#777777", "#777777"), 0.001);
        assertEquals(4.48, ThemeRules.contrast("#777777", "#ffffff"), 0.01);
    }

    @Test
    void theBuiltInCatalogHasSixOrMoreDistinctValidThemes() {
        List<Theme> themes = new ThemeCatalog().all();
        assertTrue(themes.size() >= 6, themes.size() + " themes");
        themes.forEach(t -> assertEquals(List.of(), ThemeRules.problems(t), t.id()));
        assertEquals(themes.size(), themes.stream().map(Theme::accentColor).distinct().count(), "accents differ");
        assertTrue(themes.stream().map(Theme::backgroundColor).distinct().count() >= 5, "backgrounds differ");
        Set<String> fonts = themes.stream().flatMap(t -> java.util.stream.Stream.of(t.headingFont(), t.bodyFont()))
                .collect(Collectors.toSet());
        assertEquals(Set.copyOf(ThemeRules.FAMILIES), fonts, "all three shipped families are used");
        assertEquals(ThemeRules.STYLES, themes.stream().map(Theme::style).collect(Collectors.toSet()));
        assertTrue(themes.stream().map(Theme::bodyFontSize).distinct().count() > 1, "sizes vary");
    }

    @Test
    void everyProblemIsNamed() {
        Theme bad = new Theme("x", "", "", "#fff", "#777777", "#ffffff", "#fefefe", "Comic Sans", "Liberation Mono", 90,
                10, 3.0, "neon");
        List<String> problems = ThemeRules.problems(bad);
        String all = String.join("\n", problems);
        assertTrue(all.contains("name must be 1 to 60 characters"), all);
        assertTrue(all.contains("backgroundColor must be a colour written #rrggbb"), all);
        assertTrue(all.contains("headingFont must be one of Liberation Sans, Liberation Serif, Liberation Mono"), all);
        assertTrue(all.contains("titleFontSize must be between 24 and 60 points, not 90"), all);
        assertTrue(all.contains("bodyFontSize must be between 14 and 32 points, not 10"), all);
        assertTrue(all.contains("lineSpacing must be between 1.15 and 2.0"), all);
        assertTrue(all.contains("style must be one of band, rule, plain"), all);

        Theme grey = new Theme("x", "Grey", "", "#ffffff", "#777777", "#000000", "#2f6fde", "Liberation Sans",
                "Liberation Sans");
        assertEquals(List.of("textColor #777777 on backgroundColor #ffffff has a contrast ratio of 4.48; at least 4.5 "
                + "is needed to be read"), ThemeRules.problems(grey));
    }
}
