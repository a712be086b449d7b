package io.slideo.worker.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns text as parsers deliver it (hard line breaks, hyphenated words, odd spaces, typographic
 * ligatures, stray keystrokes) into plain prose.
 */
public final class TextCleanup {
    private static final Pattern HYPHENATED_BREAK = Pattern.compile("(\\p{Ll})-\\s*\\n\\s*(\\p{Ll})");
    private static final Pattern HYPHENATED_NAME_BREAK = Pattern.compile("(\\p{L})-[ \\t]*\\n\\s*(\\p{Lu})");
    // Invisible marks a reader never typed: controls, soft hyphens, replacement characters, and byte-order
    // marks or word joiners left inside the text (an EPUB's "hers\uFEFF\u2014and"); joiners that shape a
    // script (U+200C, U+200D) stay.
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|\\u00AD|\\uFFFD|\\uFEFF|\\u2060");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u200B]+");
    // The Latin presentation forms (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ) PDF and web text carry: one glyph for two or three letters.
    private static final Pattern LIGATURE = Pattern.compile("[\\uFB00-\\uFB06]+");
    // Letters glued to the front of a capitalised word ("FffLorem", "ffPellentesque"): a candidate keystroke.
    private static final Pattern GLUED_PREFIX = Pattern.compile("(?<![\\p{L}\\p{N}])(\\p{L}{2,})(?=\\p{Lu}\\p{Ll})");
    // A word of one letter typed four times or more ("ffff", "xxxx"): filler, not a word of any language.
    private static final Pattern REPEATED_LETTER = Pattern.compile("(?<![\\p{L}\\p{N}])(\\p{L})\\1{3,}(?![\\p{L}\\p{N}])");

    // A word split at a line end whose break became a space ("chem- ical"); "pre- and post-war" keeps its hyphen.
    private static final Pattern HYPHENATED_SPACE = Pattern.compile("(?<=\\p{L})- (\\p{Ll}+)");
    private static final Set<String> SUSPENDED_HYPHEN_FOLLOWERS = Set.of("and", "or", "to", "nor", "und", "oder", "bis",
            "et", "ou", "y", "e", "o", "as", "than", "versus", "vs");
    private static final Pattern NOTE_MARKER = Pattern.compile(
            "\\s*\\(?\\[(footnoteRef|endnoteRef|footnote|endnote|comment|annotation)\\s*:[^\\]]*\\]\\)?", Pattern.CASE_INSENSITIVE);
    // Word field codes a parser printed instead of their result, with their switches and quoted arguments.
    private static final Pattern FIELD_CODE = Pattern.compile("\\b(?:HYPERLINK|PAGEREF|NOTEREF|INCLUDEPICTURE|MERGEFIELD"
            + "|REF(?=\\s+_Ref)|SEQ(?=\\s+\\w+\\s+\\\\)|TOC(?=\\s+\\\\))(?:\\s+(?:\\\\[a-zA-Z*#@!]|\"[^\"]*\"|_[A-Za-z]+\\d*"
            + "|[\\w.]+(?=\\s+\\\\)|MERGEFORMAT\\b))*|\\\\\\*\\s*MERGEFORMAT\\b|\\b(?:FORMTEXT|FORMCHECKBOX)\\b");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("(?<!!)\\[([^\\]\\[]+)\\]\\((?:https?://|/|#|\\./|mailto:)[^)\\s]*\\)");
    // A float printed with its binary noise: a long run of 0s or 9s, then at most three stray digits, at the end.
    private static final Pattern FLOAT_NOISE = Pattern.compile("(?<![\\d.])(\\d+)\\.(\\d*?)(0{6,}|9{6,})(\\d{0,3})(?![\\d.])");
    private static final int FLOAT_NOISE_MIN_DECIMALS = 12;

    // A list bullet a parser kept as a character at the start of the text ("• Point", "▪ Point").
    private static final Pattern BULLET_GLYPH = Pattern.compile("^[\\u2022\\u00b7\\u25aa\\u25ab\\u25e6\\u2023\\u25cf\\u25cb\\u25a0\\u25a1\\u27a2\\u25ba\\uf0a7\\uf0b7]\\s*");

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
        text = withoutParserArtefacts(text);
        text = SPACES.matcher(text).replaceAll(" ");
        text = HYPHENATED_SPACE.matcher(text).replaceAll(m -> SUSPENDED_HYPHEN_FOLLOWERS.contains(m.group(1))
                ? Matcher.quoteReplacement(m.group()) : Matcher.quoteReplacement(m.group(1)));
        return BULLET_GLYPH.matcher(withoutFloatNoise(text).trim()).replaceFirst("");
    }

    /**
     * The document's text without its machinery: footnote, endnote and comment markers ("[footnoteRef:117]"),
     * Word field codes ("HYPERLINK \"…\"", "PAGEREF _Toc12 \\h", "TOC \\o \"1-3\""), and Markdown links
     * reduced to the words they link.
     */
    static String withoutParserArtefacts(String text) {
        String result = NOTE_MARKER.matcher(text).replaceAll("");
        result = FIELD_CODE.matcher(result).replaceAll("");
        return MARKDOWN_LINK.matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    }

    /**
     * Numbers as a person writes them when a program printed a binary float: "0.60000000000000009" is 0.6,
     * "12.300000000000001" is 12.3, "0.19999999999999998" is 0.2. Only a number with at least twelve decimals
     * that ends in such a run is touched; "3.14159265358979" and "1.000000" stay as written.
     */
    static String withoutFloatNoise(String text) {
        return FLOAT_NOISE.matcher(text).replaceAll(m -> {
            int decimals = m.group(2).length() + m.group(3).length() + m.group(4).length();
            if (decimals < FLOAT_NOISE_MIN_DECIMALS) {
                return Matcher.quoteReplacement(m.group());
            }
            BigDecimal exact = new BigDecimal(m.group(1) + "." + m.group(2) + m.group(3) + m.group(4));
            BigDecimal rounded = exact.setScale(m.group(2).length(), RoundingMode.HALF_UP);
            return rounded.toPlainString();
        });
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

    /**
     * Words as a reader counts them: runs between spaces, except that Chinese and Japanese, written without
     * spaces, count one word for every two of their characters (rounded up), so a Japanese sentence is
     * as long as its English translation rather than one word.
     */
    public static int wordCount(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            return 0;
        }
        int words = 0;
        for (String token : trimmed.split("\\s+")) {
            words += tokenWords(token);
        }
        return words;
    }

    private static int tokenWords(String token) {
        int cjk = 0;
        int otherRuns = 0;
        boolean inOther = false;
        for (int i = 0; i < token.length(); i += Character.charCount(token.codePointAt(i))) {
            int c = token.codePointAt(i);
            if (isCjk(c)) {
                cjk++;
                inOther = false;
            } else if (Character.isLetterOrDigit(c)) {
                otherRuns += inOther ? 0 : 1;
                inOther = true;
            }
        }
        return cjk == 0 ? 1 : (cjk + 1) / 2 + otherRuns;
    }

    private static boolean isCjk(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }
}
