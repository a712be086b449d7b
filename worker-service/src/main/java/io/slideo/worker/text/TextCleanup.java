package io.slideo.worker.text;

import java.util.regex.Pattern;

/** Turns text as parsers deliver it (hard line breaks, hyphenated words, odd spaces) into plain prose. */
public final class TextCleanup {
    private static final Pattern HYPHENATED_BREAK = Pattern.compile("(\\p{Ll})-\\s*\\n\\s*(\\p{Ll})");
    private static final Pattern HYPHENATED_NAME_BREAK = Pattern.compile("(\\p{L})-[ \\t]*\\n\\s*(\\p{Lu})");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|\\u00AD|\\uFFFD");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u200B]+");

    private TextCleanup() {
    }

    /** One line of prose: words split by line-end hyphens rejoined, every run of white space one space. */
    public static String normalize(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String text = CONTROL.matcher(raw).replaceAll("");
        text = HYPHENATED_BREAK.matcher(text).replaceAll("$1$2");
        text = HYPHENATED_NAME_BREAK.matcher(text).replaceAll("$1-$2");
        return SPACES.matcher(text).replaceAll(" ").trim();
    }

    /** Each non-blank line normalized, line breaks kept (for table cells, whose lines are separate points). */
    public static String normalizeLines(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        return String.join("\n", raw.lines().map(TextCleanup::normalize).filter(l -> !l.isEmpty()).toList());
    }

    public static int wordCount(String text) {
        String trimmed = text == null ? "" : text.trim();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }
}
