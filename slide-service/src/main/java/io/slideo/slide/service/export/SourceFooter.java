package io.slideo.slide.service.export;

import java.awt.Font;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.slideo.design.Fonts;
import io.slideo.design.TextMeasure;
import io.slideo.model.deck.Bullet;
import io.slideo.model.deck.SourceRef;
import io.slideo.model.theme.Theme;

/**
 * Where a slide's text came from, as a reader finds it in the deck's language: the footer ("Source:
 * document 1, p. 3", "Sources: document 1, § 3.2 Risk, ¶ 4; document 2") and each bullet's hint.
 * Pages come from {@link SourceRef#page()}; documents without pages cite {@link SourceRef#citation()}.
 */
final class SourceFooter {
    private final List<String> documentIds;
    private final DeckLabels labels;

    SourceFooter(List<String> documentIds, String language) {
        this.documentIds = documentIds;
        this.labels = DeckLabels.of(language);
    }

    /** The footer, cut to one line of {@code width} points in the theme's body font at {@code size}. */
    String footer(List<Bullet> bullets, Theme theme, float size, float width) {
        Map<String, TreeSet<Integer>> pages = new LinkedHashMap<>();
        Map<String, Set<String>> locations = new LinkedHashMap<>();
        for (Bullet bullet : bullets) {
            SourceRef source = bullet.source();
            if (source == null || source.documentId() == null) {
                continue;
            }
            TreeSet<Integer> of = pages.computeIfAbsent(source.documentId(), d -> new TreeSet<>());
            Set<String> at = locations.computeIfAbsent(source.documentId(), d -> new LinkedHashSet<>());
            if (hasLocation(source)) {
                at.add(source.citation());
            } else if (source.page() != null) {
                of.add(source.page());
            }
        }
        if (pages.isEmpty()) {
            return "";
        }
        String listed = pages.keySet().stream()
                .map(d -> document(d) + pageList(pages.get(d)) + locationList(locations.get(d)))
                .collect(Collectors.joining(labels.semicolon()));
        boolean one = pages.size() == 1 && pages.values().iterator().next().size()
                + locations.values().iterator().next().size() <= 1;
        String text = (one ? labels.source() : labels.sources()) + " " + listed;
        return fitted(text, Fonts.awt(theme.bodyFont(), false, size), width);
    }

    /** One bullet's source: "document 1, p. 3" or "document 1, § 3.2 Risk, ¶ 4"; empty without one. */
    String hint(SourceRef source) {
        if (source == null || source.documentId() == null) {
            return "";
        }
        String where = hasLocation(source) ? source.citation()
                : source.page() == null ? "" : labels.page(source.page().toString());
        return document(source.documentId()) + (where.isEmpty() ? "" : labels.comma() + where);
    }

    private static boolean hasLocation(SourceRef source) {
        return source.location() != null && !source.location().isBlank();
    }

    private String document(String documentId) {
        return labels.document(documentIds.indexOf(documentId) + 1);
    }

    private String pageList(TreeSet<Integer> pages) {
        if (pages.isEmpty()) {
            return "";
        }
        String numbers = pages.stream().map(String::valueOf).collect(Collectors.joining(labels.comma()));
        return labels.comma() + (pages.size() == 1 ? labels.page(numbers) : labels.pages(numbers));
    }

    private String locationList(Set<String> locations) {
        return locations.isEmpty() ? "" : labels.comma() + String.join(labels.comma(), locations);
    }

    private static String fitted(String text, Font font, float width) {
        if (TextMeasure.width(text, font) <= width) {
            return text;
        }
        String cut = text;
        while (cut.length() > 10 && TextMeasure.width(cut + "\u2026", font) > width) {
            cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
        }
        return cut.stripTrailing() + "\u2026";
    }
}
