package io.slideo.worker.writing;

import java.util.Locale;
import java.util.regex.Pattern;

import io.slideo.model.deck.SlideLayout;

/**
 * What a user's instructions for a rewrite mean to the offline writer: shorter, more detail, or a
 * layout ("two columns", "as a table", "as a quote"). Words it does not know change nothing.
 */
public record Instructions(boolean shorter, boolean moreDetail, SlideLayout layout) {
    public static final Instructions NONE = new Instructions(false, false, null);
    private static final Pattern SHORTER = Pattern.compile("\\b(short(er)?|concise|brief(er)?|less|fewer|simpler)\\b");
    private static final Pattern DETAIL = Pattern.compile("\\b(more detail(s|ed)?|detailed|expand|longer|more)\\b");

    public static Instructions parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        SlideLayout layout = null;
        if (lower.contains("two column") || lower.contains("two-column") || lower.contains("2 column")) {
            layout = SlideLayout.TWO_COLUMNS;
        } else if (lower.contains("table")) {
            layout = SlideLayout.TABLE;
        } else if (lower.contains("quote")) {
            layout = SlideLayout.QUOTE;
        } else if (lower.contains("bullet")) {
            layout = SlideLayout.BULLETS;
        }
        boolean shorter = SHORTER.matcher(lower).find();
        boolean detail = !shorter && DETAIL.matcher(lower).find();
        return new Instructions(shorter, detail, layout);
    }
}
