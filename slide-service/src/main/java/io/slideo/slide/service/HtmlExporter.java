package io.slideo.slide.service;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.slideo.model.deck.Bullet;
import io.slideo.model.theme.Theme;
import io.slideo.slide.domain.JsonColumns;

/**
 * Renders a deck as one self-contained HTML file with its theme. Qute escapes every value; theme
 * values that reach CSS are checked against strict patterns first, since CSS is not escaped.
 */
@ApplicationScoped
public class HtmlExporter {
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern FONT = Pattern.compile("[A-Za-z0-9 -]{1,60}");

    private final Template deck;

    HtmlExporter(@Location("deck.html") Template deck) {
        this.deck = deck;
    }

    public record Style(String background, String text, String title, String accent, String headingFont, String bodyFont) {
    }

    public record Page(int number, String title, String layout, List<Point> points, String notes) {
    }

    public record Point(String text, String source) {
    }

    public String render(DeckDetails details) {
        List<String> documents = JsonColumns.documentIds(details.deck());
        List<Page> pages = details.slides().stream().map(s -> {
            var v = s.current();
            List<Point> points = JsonColumns.bullets(v).stream().map(b -> new Point(b.text(), source(b, documents)))
                    .toList();
            return new Page(s.slide().slideIndex + 1, v.title, v.layout.toLowerCase(), points, v.notes);
        }).toList();
        return deck.data("title", details.deck().title)
                .data("style", style(JsonColumns.theme(details.deck())))
                .data("pages", pages)
                .render();
    }

    static Style style(Theme theme) {
        return new Style(colour(theme.backgroundColor(), "#ffffff"), colour(theme.textColor(), "#1f2933"),
                colour(theme.titleColor(), "#102a43"), colour(theme.accentColor(), "#2f6fde"),
                font(theme.headingFont()), font(theme.bodyFont()));
    }

    private static String source(Bullet bullet, List<String> documents) {
        if (bullet.source() == null) {
            return null;
        }
        int position = documents.indexOf(bullet.source().documentId()) + 1;
        String document = position > 0 ? "document " + position : "a document";
        return bullet.source().page() == null ? document : document + ", p. " + bullet.source().page();
    }

    private static String colour(String value, String fallback) {
        return value != null && COLOUR.matcher(value).matches() ? value : fallback;
    }

    private static String font(String value) {
        return value != null && FONT.matcher(value).matches() ? value : "sans-serif";
    }
}
