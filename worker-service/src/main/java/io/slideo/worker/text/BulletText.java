package io.slideo.worker.text;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a sentence into a bullet by dropping only what a reader does not need: citations, asides,
 * connective openers, figure references and, when the sentence is too long, a trailing "which" clause,
 * a leading purpose or time clause, an appositive or a dashed aside. It never cuts a sentence at a word
 * count or at an arbitrary comma, and never drops a condition, a negation, a number or one half of an
 * alternative: a sentence that stays too long is given up ("") so the caller picks another.
 */
public final class BulletText {
    private static final List<Pattern> CITATIONS = List.of(
            Pattern.compile("\\s*\\[[0-9,;\\s\u2013-]+\\]"),
            Pattern.compile("(?:^|\\s+)\\(\\d{1,3}(?:\\s*[,\u2013-]\\s*\\d{1,3})*\\)"),
            Pattern.compile("\\s+\\((?:[\\p{Lu}][\\p{L}'-]+(?: et al\\.?| and [\\p{Lu}][\\p{L}'-]+)?,? )?(?:19|20)\\d\\d[a-z]?\\)"),
            Pattern.compile("\\s+\\((?:see |cf\\. )?(?:Fig\\.|Figs\\.|Figure|Table|Section|Sec\\.|Eq\\.|Appendix|Chapter)[^()]*\\)",
                    Pattern.CASE_INSENSITIVE));
    // An aside opens after a space: "1118(b)(1)" and "f(x)" are one token, not a word and its aside.
    private static final Pattern ASIDE = Pattern.compile("\\s+\\([^()]*\\)");
    private static final Pattern OPENER = Pattern.compile("(?i)^(however|moreover|furthermore|additionally|in addition|"
            + "therefore|thus|hence|consequently|for example|for instance|in particular|in this paper|in this section|"
            + "in this work|also|finally|note that|of course|in contrast|similarly|as a result|in short|in summary|"
            + "to summarize|overall)\\b,?\\s+");
    private static final Pattern FIGURE_REFERENCE = Pattern.compile(
            "(?i),\\s*(as )?(shown|see|seen|described|illustrated|listed|given|depicted|summari[sz]ed) (in|on|at) "
                    + "(figure|fig\\.|table|section|sec\\.|appendix|chapter|eq\\.|equation)[^,]{0,30},");
    private static final Pattern TRAILING_CLAUSE = Pattern.compile(
            "(?i),\\s+(which|who|whose|e\\.g\\.|i\\.e\\.|for example|for instance|such as|including)\\b[^;:]*$");
    // A leading purpose, means or time clause ("To show X, we did Y"): the main clause after it carries the point.
    // "…read along with Figure 2": a sentence left pointing at a figure says nothing without the clause it lost.
    private static final Pattern ENDS_ON_REFERENCE = Pattern.compile(
            "(?i)\\b(figure|fig\\.|table|section|sec\\.|appendix|chapter|eq\\.|equation|listing)\\s+[\\dIVX]+(\\.\\d+)*[a-z]?$");
    private static final Pattern LEADING_CLAUSE = Pattern.compile(
            "(?i)^(to|in order to|when|whenever|once|after|before|while|during|by|as soon as)\\b[^,]{3,80}, (.+)$");
    private static final Pattern APPOSITIVE = Pattern.compile(
            ",\\s+(?:a|an|the)\\s+[^,;:()]{2,60},\\s+(?!(?:and|or|but|nor|either|then)\\b)");
    private static final Pattern DASHED_ASIDE = Pattern.compile("\\s+[\u2013\u2014]\\s+[^\u2013\u2014]{2,80}\\s+[\u2013\u2014]\\s+");
    // What a bullet must keep: conditions, negations, numbers and the halves of an alternative.
    private static final Pattern MEANING_WORD = Pattern.compile("(?i)\\b(if|unless|except|excepting|provided|providing|"
            + "only|not|no|never|without|nor|neither|none|cannot|or|either|n't)\\b|n't\\b|\\d");
    private static final Pattern SUBTITLE = Pattern.compile("^(.+?\\S)\\s*(?::|\\s[\u2013\u2014])\\s+\\S.*$");
    private static final Set<String> DANGLING = Set.of("the", "a", "an", "of", "to", "and", "or", "nor", "but", "in",
            "on", "at", "for", "with", "by", "from", "into", "onto", "as", "than", "which", "who", "whose", "whom",
            "where", "whether", "if", "unless", "because", "although", "though", "since", "until", "while", "is", "are",
            "was", "were", "be", "been", "being", "has", "have", "had", "can", "could", "will", "would", "shall",
            "should", "may", "might", "must", "its", "their", "our", "my", "your", "his", "such", "very", "every",
            "either", "neither", "per", "via", "between", "among", "against", "toward", "towards", "upon", "within",
            "like", "und", "oder", "der", "das", "dem", "den", "des", "zu", "mit", "f\u00fcr", "von", "le", "la", "les",
            "du", "et", "ou", "au", "aux", "pour", "avec", "par", "each", "any", "some", "these", "those", "that", "when",
            "not", "also", "plus");

    private BulletText() {
    }

    /**
     * A heading, title or label as written (its end punctuation aside) when it fits in {@code maxWords}
     * words. Longer, it loses a subtitle after a colon or dash and its parentheses; still longer, the rules
     * of {@link #shorten} are applied, and what they leave is returned even if it is still long: a heading
     * is never cut at a word count, and never given up.
     */
    public static String asWritten(String text, int maxWords) {
        String clean = stripEnd(TextCleanup.normalize(text));
        if (TextCleanup.wordCount(clean) <= maxWords) {
            return clean;
        }
        Matcher subtitle = SUBTITLE.matcher(clean);
        if (subtitle.matches() && TextCleanup.wordCount(subtitle.group(1)) >= 2) {
            clean = subtitle.group(1);
        }
        String withoutAsides = stripEnd(ASIDE.matcher(clean).replaceAll(""));
        if (TextCleanup.wordCount(withoutAsides) >= 2) {
            clean = withoutAsides;
        }
        return TextCleanup.wordCount(clean) <= maxWords ? clean : capitalize(stripEnd(withOptionalPartsDropped(clean, maxWords)));
    }

    /**
     * The sentence as a bullet of at most {@code maxWords} words, or "" when no rule that keeps its meaning
     * makes it fit. Slack: a sentence of up to {@code maxWords + ceil(maxWords / 4)} words after the rules
     * stays whole (a bullet a little long reads better than none). Also "" when nothing readable is left or
     * the sentence ends open (on a colon, comma or a word like "the"), since it then needs what follows it.
     */
    public static String shorten(String sentence, int maxWords) {
        String text = TextCleanup.normalize(sentence);
        for (Pattern citation : CITATIONS) {
            text = citation.matcher(text).replaceAll("").trim();
        }
        text = withoutAsides(text);
        text = FIGURE_REFERENCE.matcher(text).replaceAll("");
        text = OPENER.matcher(text).replaceFirst("");
        text = withoutEndMark(text);
        if (text.isEmpty() || endsMidClause(text)) {
            return "";
        }
        text = withoutEndMark(withOptionalPartsDropped(text, maxWords));
        if (TextCleanup.wordCount(text) > longestKept(maxWords) || endsMidClause(text)) {
            return "";
        }
        return capitalize(text);
    }

    /**
     * The most words {@link #shorten} keeps for a limit of {@code maxWords}: a quarter more (rounded), so a
     * sentence slightly over the limit stays whole rather than being lost. A check of a bullet's length
     * after {@code shorten} should allow this many words.
     */
    public static int longestKept(int maxWords) {
        return maxWords + (maxWords + 2) / 4;
    }

    /**
     * A point as a bullet: shortened by rules, or whole when nothing shorter says it and it is at most
     * {@link #longestWhole} words; empty when it can only be said cut.
     */
    public static String asBullet(String point, int maxWords) {
        String shorter = shorten(point, maxWords);
        if (!shorter.isEmpty()) {
            return shorter;
        }
        String whole = stripEnd(TextCleanup.normalize(point));
        return TextCleanup.wordCount(whole) <= longestWhole(maxWords) && !endsMidClause(whole) ? whole : "";
    }

    /**
     * The longest sentence a slide shows whole when a part of a document says nothing shorter (legal
     * and technical prose): twice the limit. Longer than this, a sentence is notes, not a bullet.
     */
    public static int longestWhole(int maxWords) {
        return 2 * maxWords;
    }

    /**
     * Whether a bullet stops in the middle of a clause: it ends on a comma, colon, dash or slash,
     * leaves a bracket or quote open, or ends on a word that needs one after it ("of", "the", "and", "can").
     */
    public static boolean endsMidClause(String bullet) {
        String text = bullet == null ? "" : bullet.trim();
        if (text.isEmpty()) {
            return false;
        }
        if (",:-\u2013\u2014/&(\u201c\u2018[=+\u00d7\u2208<>\u2264\u2265".indexOf(text.charAt(text.length() - 1)) >= 0) {
            return true;
        }
        if (unbalanced(text, '(', ')') || unbalanced(text, '[', ']') || unbalanced(text, '\u201c', '\u201d')
                || text.chars().filter(c -> c == '"').count() % 2 == 1) {
            return true;
        }
        // Only in lower case: "Part A" and "Vitamin E" end on a label, not an article or conjunction.
        String last = text.substring(text.lastIndexOf(' ') + 1).replaceAll("[^\\p{L}']", "");
        return DANGLING.contains(last);
    }

    /** The optional parts, one rule after another, while the text is longer than {@code maxWords}. */
    private static String withOptionalPartsDropped(String text, int maxWords) {
        String result = text;
        if (TextCleanup.wordCount(result) > maxWords) {
            String dropped = dropIfSafe(result, TRAILING_CLAUSE, "");
            // The clause after a figure's number says what the figure shows: the point itself.
            result = ENDS_ON_REFERENCE.matcher(dropped.trim()).find() ? result : dropped;
        }
        Matcher leading = LEADING_CLAUSE.matcher(result);
        if (TextCleanup.wordCount(result) > maxWords && leading.matches() && TextCleanup.wordCount(leading.group(2)) >= 4
                && isSafeToDrop(result.substring(0, leading.start(2)))) {
            result = capitalize(leading.group(2));
        }
        if (TextCleanup.wordCount(result) > maxWords) {
            result = dropIfSafe(result, APPOSITIVE, " ");
        }
        if (TextCleanup.wordCount(result) > maxWords) {
            result = dropIfSafe(result, DASHED_ASIDE, " ");
        }
        return result;
    }

    private static String withoutAsides(String text) {
        String result = ASIDE.matcher(text).replaceAll(m -> isSafeToDrop(m.group()) ? "" : Matcher.quoteReplacement(m.group()));
        return TextCleanup.wordCount(result) >= 3 ? result : text;
    }

    private static String dropIfSafe(String text, Pattern part, String replacement) {
        return part.matcher(text).replaceAll(m -> Matcher.quoteReplacement(isSafeToDrop(m.group()) ? replacement : m.group()));
    }

    private static boolean isSafeToDrop(String part) {
        return !MEANING_WORD.matcher(part).find();
    }

    private static boolean unbalanced(String text, char open, char close) {
        return text.chars().filter(c -> c == open).count() != text.chars().filter(c -> c == close).count();
    }

    /**
     * The sentence without its closing full stop, a list item's semicolon (Latin or Arabic) or a trailing
     * run of dots ("support………"); a question keeps its mark.
     */
    private static String withoutEndMark(String text) {
        return text.trim().replaceAll("\\s*[.;\u3002\u061b\u06d4\u2026]+$", "").trim();
    }

    private static String stripEnd(String text) {
        String result = text.trim();
        while (!result.isEmpty() && ".,;:\u2013\u2014-\u3002\u061b\u06d4\u2026".indexOf(result.charAt(result.length() - 1)) >= 0) {
            result = result.substring(0, result.length() - 1).trim();
        }
        return result;
    }

    private static String capitalize(String text) {
        if (text.isEmpty() || !Character.isLowerCase(text.charAt(0))) {
            return text;
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
