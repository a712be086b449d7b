package io.slideo.worker.research;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

import io.slideo.worker.text.Sentences;
import io.slideo.worker.text.TextCleanup;

/**
 * A fetched page as plain text: scripts, styles, forms, navigation and every tag gone, entities
 * decoded, whitespace normalised; kept to whole sentences within a length. Nothing of a page's markup
 * reaches a prompt, a slide or the notes.
 */
public final class PageText {
    private PageText() {
    }

    public static String of(String html, int maxCharacters) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document document = Jsoup.parse(html);
        document.select("script, style, noscript, template, iframe, object, embed, form, nav, header, footer, aside,"
                + " svg, img").remove();
        String text = TextCleanup.normalize(document.body() == null ? document.text() : document.body().text());
        return within(text, maxCharacters);
    }

    /** Plain text (an excerpt, a title) with any markup in it removed. */
    public static String plain(String text, int maxCharacters) {
        if (text == null) {
            return "";
        }
        return within(TextCleanup.normalize(Jsoup.parse(Jsoup.clean(text, Safelist.none())).text()), maxCharacters);
    }

    private static String within(String text, int maxCharacters) {
        if (text.length() <= maxCharacters) {
            return text;
        }
        StringBuilder kept = new StringBuilder();
        for (String sentence : Sentences.split(text)) {
            if (kept.length() + sentence.length() + 1 > maxCharacters) {
                break;
            }
            kept.append(kept.length() > 0 ? " " : "").append(sentence);
        }
        return kept.toString();
    }
}
