package io.slideo.worker.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a sentence into a bullet: the connective openers, citations and asides go, and a long
 * sentence is cut at a clause boundary (or, failing that, at the word limit) so it reads as a phrase.
 */
public final class BulletText {
    private static final Pattern CITATION = Pattern.compile("\\s*\\[[0-9,;\\s\u2013-]+\\]");
    private static final Pattern ASIDE = Pattern.compile("\\s*\\([^()]*\\)");
    private static final Pattern OPENER = Pattern.compile("(?i)^(however|moreover|furthermore|additionally|in addition|"
            + "therefore|thus|hence|consequently|for example|for instance|in particular|in this paper|in this section|"
            + "in this work|also|first|second|third|finally|note that|of course|in contrast|similarly|"
            + "as a result|in short|in summary|to summarize|overall|instead|then)\\b,?\\s+");
    private static final Pattern FIGURE_REFERENCE = Pattern.compile(
            "(?i),\\s*(as )?(shown|see|seen|described|illustrated|listed|given|depicted|summari[sz]ed) (in|on|at) [^,]{1,40},");
    // A leading subordinate clause ("To show X, we did Y"): the main clause after it carries the point.
    private static final Pattern LEADING_CLAUSE = Pattern.compile(
            "(?i)^(to|when|if|although|though|because|since|while|after|before|once|unless|whereas|in order to|by)\\b[^,]{3,80}, (.+)$");
    private static final String[] CLAUSE_BREAKS = { "; ", ": ", " \u2013 ", " \u2014 ", " - ", ", which ", ", because ",
        ", while ", ", whereas ", ", although ", ", so that ", ", but ", ", and ", ", " };
    private static final Set<String> WEAK_ENDINGS = Set.of("the", "a", "an", "of", "to", "and", "or", "in", "on", "for",
            "with", "by", "as", "at", "from", "that", "which", "is", "are", "was", "were", "be", "been", "its", "their",
            "this", "these", "those", "than", "but", "into", "our", "we", "it", "can", "will", "has", "have", "not",
            "such", "very", "more", "most", "each", "all", "any", "both", "when", "where", "while", "if", "so");

    private BulletText() {
    }

    /**
     * A heading, title or label as written (its end punctuation aside) when it fits in {@code maxWords}
     * words: shortening is for sentences, and would make "Second paragraph" "Paragraph". Longer, shortened.
     */
    public static String asWritten(String text, int maxWords) {
        String clean = stripEnd(TextCleanup.normalize(text));
        return TextCleanup.wordCount(clean) <= maxWords ? clean : shorten(clean, maxWords);
    }

    /** The sentence as a bullet of at most {@code maxWords} words; empty if nothing readable is left. */
    public static String shorten(String sentence, int maxWords) {
        String text = TextCleanup.normalize(sentence);
        text = CITATION.matcher(text).replaceAll("");
        String withoutAsides = ASIDE.matcher(text).replaceAll("");
        if (TextCleanup.wordCount(withoutAsides) >= 3) {
            text = withoutAsides;
        }
        text = FIGURE_REFERENCE.matcher(text).replaceAll("");
        text = OPENER.matcher(text).replaceFirst("");
        text = stripEnd(text);
        Matcher leading = LEADING_CLAUSE.matcher(text);
        if (TextCleanup.wordCount(text) > maxWords && leading.matches() && TextCleanup.wordCount(leading.group(2)) >= 4) {
            text = leading.group(2);
        }
        if (TextCleanup.wordCount(text) > maxWords) {
            text = cutAtClause(text, maxWords);
        }
        if (TextCleanup.wordCount(text) > maxWords) {
            text = cutAtWord(text, maxWords);
        }
        return capitalize(stripEnd(text));
    }

    /** The longest start of the sentence that ends at a clause boundary and fits. */
    private static String cutAtClause(String text, int maxWords) {
        String best = null;
        for (String marker : CLAUSE_BREAKS) {
            int from = 0;
            int at;
            while ((at = text.indexOf(marker, from)) > 0) {
                String prefix = text.substring(0, at);
                int words = TextCleanup.wordCount(prefix);
                if (words > maxWords) {
                    break;
                }
                if (words >= Math.min(5, maxWords) && (best == null || prefix.length() > best.length())) {
                    best = prefix;
                }
                from = at + 1;
            }
        }
        return best == null ? text : best;
    }

    private static String cutAtWord(String text, int maxWords) {
        List<String> words = new ArrayList<>(Arrays.asList(text.split("\\s+")).subList(0, maxWords));
        while (words.size() > 3 && WEAK_ENDINGS.contains(bare(words.get(words.size() - 1)))) {
            words.remove(words.size() - 1);
        }
        return String.join(" ", words);
    }

    private static String bare(String word) {
        return word.replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase(Locale.ROOT);
    }

    private static String stripEnd(String text) {
        String result = text.trim();
        while (!result.isEmpty() && ".,;:\u2013\u2014-".indexOf(result.charAt(result.length() - 1)) >= 0) {
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
