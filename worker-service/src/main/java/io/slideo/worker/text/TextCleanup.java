package io.slideo.worker.text;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns text as parsers deliver it (hard line breaks, hyphenated words, odd spaces, typographic
 * ligatures, stray keystrokes) into plain prose.
 */
public final class TextCleanup {
    private static final Pattern HYPHENATED_BREAK = Pattern.compile("(\\p{Ll})-\\s*\\n\\s*(\\p{Ll})");
    private static final Pattern HYPHENATED_NAME_BREAK = Pattern.compile("(\\p{L})-[ \\t]*\\n\\s*(\\p{Lu})");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|\\u00AD|\\uFFFD");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u200B]+");
    // The Latin presentation forms (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ) PDF and web text carry: one glyph for two or three letters.
    private static final Pattern LIGATURE = Pattern.compile("[\\uFB00-\\uFB06]+");
    // Letters glued to the front of a capitalised word ("FffLorem", "ffPellentesque"): a candidate keystroke.
    private static final Pattern GLUED_PREFIX = Pattern.compile("(?<![\\p{L}\\p{N}])(\\p{L}{2,})(?=\\p{Lu}\\p{Ll})");
    // A word of one letter typed four times or more ("ffff", "xxxx"): filler, not a word of any language.
    private static final Pattern REPEATED_LETTER = Pattern.compile("(?<![\\p{L}\\p{N}])(\\p{L})\\1{3,}(?![\\p{L}\\p{N}])");

    private TextCleanup() {
    }

    /**
     * One line of prose: ligatures spelled out, words split by line-end hyphens rejoined, stray
     * keystrokes dropped, every run of white space one space.
     */
    public static String normalize(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String text = CONTROL.matcher(raw).replaceAll("");
        text = LIGATURE.matcher(text).replaceAll(m -> Normalizer.normalize(m.group(), Normalizer.Form.NFKC));
        text = HYPHENATED_BREAK.matcher(text).replaceAll("$1$2");
        text = HYPHENATED_NAME_BREAK.matcher(text).replaceAll("$1-$2");
        text = withoutStrayKeystrokes(text);
        return SPACES.matcher(text).replaceAll(" ").trim();
    }

    /**
     * Drops what someone typed by accident and a parser glued to the text: a run of one repeated letter
     * stuck to the start of a capitalised word ("FfPellentesque" is "Pellentesque"), or a lone word of
     * one letter repeated four times or more. Capitals only (roman numerals, "AAA") are left alone.
     */
    static String withoutStrayKeystrokes(String text) {
        String glued = GLUED_PREFIX.matcher(text).replaceAll(m -> strayKeystrokes(m.group(1)) ? ""
                : Matcher.quoteReplacement(m.group(1)));
        return REPEATED_LETTER.matcher(glued).replaceAll(m -> strayKeystrokes(m.group()) ? ""
                : Matcher.quoteReplacement(m.group()));
    }

    /** One letter repeated (in either case), with at least one lower-case letter. */
    private static boolean strayKeystrokes(String run) {
        int first = Character.toLowerCase(run.codePointAt(0));
        return run.length() >= 2 && run.codePoints().allMatch(c -> Character.toLowerCase(c) == first)
                && run.codePoints().anyMatch(Character::isLowerCase);
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
