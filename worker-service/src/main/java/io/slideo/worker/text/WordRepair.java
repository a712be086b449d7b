package io.slideo.worker.text;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rejoins words a layout split ("chem-ical", "docu ment") using the document itself as the dictionary:
 * a split is repaired only when the joined word occurs elsewhere in the same document as one word. So
 * "well-known" stays when the document never writes "wellknown", and "a part" never becomes "apart".
 * Build one per document with {@link #of(Iterable)} and call {@link #repair(String)} on each passage.
 */
public final class WordRepair {
    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:-\\p{L}+)*");
    private static final Pattern HYPHENATED = Pattern.compile("(?<![\\p{L}-])(\\p{L}+)-(\\p{L}+)(?![\\p{L}-])");
    private static final Pattern SPACED = Pattern.compile("(?<![\\p{L}-])(\\p{L}{2,}) (\\p{L}{2,})(?![\\p{L}-])");
    private static final Pattern LETTERS = Pattern.compile("(?<![\\p{L}-])\\p{L}{2,}");
    // Words that stand alone often enough that "in to" or "any way" is meant as two words.
    private static final Set<String> FUNCTION_WORDS = Set.of("an", "the", "in", "on", "at", "to", "of", "by", "as", "is",
            "it", "be", "or", "and", "for", "no", "not", "any", "some", "every", "with", "out", "up", "over", "under",
            "her", "his", "my", "our", "your", "their", "its", "one", "all", "may", "can", "so", "how", "who", "what",
            "when", "where", "there", "here", "this", "that", "which", "self", "times", "day", "way");

    private final Map<String, Integer> counts;

    private WordRepair(Map<String, Integer> counts) {
        this.counts = counts;
    }

    /** A repairer that knows every word of the given texts (all the text of one document) and how often it occurs. */
    public static WordRepair of(Iterable<String> texts) {
        Map<String, Integer> counts = new HashMap<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Matcher words = WORD.matcher(text);
            while (words.find()) {
                String word = words.group().toLowerCase(Locale.ROOT);
                counts.merge(word, 1, Integer::sum);
                if (word.indexOf('-') >= 0) {
                    for (String part : word.split("-")) {
                        counts.merge(part, 1, Integer::sum);
                    }
                }
            }
        }
        return new WordRepair(counts);
    }

    /**
     * The text with its split words joined: "chem-ical" becomes "chemical" when the document writes
     * "chemical" more often than "chem-ical"; "docu ment" becomes "document" when the document writes
     * "document" and one of the halves is no more frequent alone than the whole word (and neither half is a
     * function word such as "in" or "any").
     */
    public String repair(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        String joined = HYPHENATED.matcher(text).replaceAll(m -> {
            String whole = m.group(1) + m.group(2);
            int wholeCount = count(whole);
            return Matcher.quoteReplacement(wholeCount > 0 && wholeCount > count(m.group()) ? whole : m.group());
        });
        return withSpacedSplitsJoined(joined);
    }

    // Word by word, so that in "the docu ment" the pair "the docu" does not hide the pair "docu ment".
    private String withSpacedSplitsJoined(String text) {
        StringBuilder out = new StringBuilder(text.length());
        Matcher pair = SPACED.matcher(text).useTransparentBounds(true);
        Matcher word = LETTERS.matcher(text);
        int copied = 0;
        int from = 0;
        while (word.find(from)) {
            int start = word.start();
            if (pair.region(start, text.length()).lookingAt() && joinsSpacedSplit(pair.group(1), pair.group(2))) {
                out.append(text, copied, start).append(pair.group(1)).append(pair.group(2));
                copied = pair.end();
                from = pair.end();
            } else {
                from = word.end();
            }
        }
        return out.append(text, copied, text.length()).toString();
    }

    private boolean joinsSpacedSplit(String left, String right) {
        String first = left.toLowerCase(Locale.ROOT);
        String second = right.toLowerCase(Locale.ROOT);
        if (FUNCTION_WORDS.contains(first) || FUNCTION_WORDS.contains(second) || Character.isUpperCase(right.charAt(0))) {
            return false;
        }
        int wholeCount = count(first + second);
        return wholeCount > 0 && Math.min(count(first), count(second)) <= wholeCount;
    }

    private int count(String word) {
        return counts.getOrDefault(word.toLowerCase(Locale.ROOT), 0);
    }
}
