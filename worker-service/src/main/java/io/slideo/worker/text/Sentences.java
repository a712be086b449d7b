package io.slideo.worker.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Splits prose into sentences and tells which of them carry meaning worth putting on a slide. */
public final class Sentences {
    // Words that end with a period without ending a sentence.
    private static final Set<String> ABBREVIATIONS = Set.of("e.g", "i.e", "etc", "vs", "cf", "al", "fig", "figs",
            "eq", "eqs", "no", "nos", "vol", "pp", "p", "sec", "ch", "dr", "mr", "mrs", "ms", "prof", "approx", "inc",
            "ltd", "co", "st", "jr", "sr", "resp", "ca", "z.b", "bzw", "usw", "ggf", "s");
    private static final Pattern BOILERPLATE = Pattern.compile(
            "(?i).*(copyright|all rights reserved|\u00a9|permission to make digital|isbn|doi:|https?://|www\\.|@).*");
    private static final Pattern CAPTION = Pattern.compile("(?i)^(figure|fig\\.|table|listing|algorithm)\\s*\\d+.*");
    private static final int MAX_WORDS = 60;

    private Sentences() {
    }

    public static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        String prose = TextCleanup.normalize(text);
        int start = 0;
        for (int i = 0; i < prose.length(); i++) {
            char c = prose.charAt(i);
            if (c != '.' && c != '!' && c != '?') {
                continue;
            }
            int end = i + 1;
            while (end < prose.length() && "\"'\u201d\u2019)]".indexOf(prose.charAt(end)) >= 0) {
                end++;
            }
            if (end >= prose.length()) {
                break;
            }
            if (prose.charAt(end) != ' ' || end + 1 >= prose.length() || !startsSentence(prose.charAt(end + 1))) {
                continue;
            }
            if (c == '.' && isAbbreviation(prose, start, i)) {
                continue;
            }
            add(sentences, prose.substring(start, end));
            start = end + 1;
        }
        add(sentences, prose.substring(Math.min(start, prose.length())));
        return sentences;
    }

    /** A sentence a presenter could say: enough words, mostly letters, not a caption, address or legal notice. */
    public static boolean isMeaningful(String sentence) {
        return isMeaningful(sentence, 4);
    }

    public static boolean isMeaningful(String sentence, int minWords) {
        int words = TextCleanup.wordCount(sentence);
        if (words < minWords || words > MAX_WORDS) {
            return false;
        }
        if (BOILERPLATE.matcher(sentence).matches() || CAPTION.matcher(sentence).matches()) {
            return false;
        }
        long letters = sentence.chars().filter(Character::isLetter).count();
        long visible = sentence.chars().filter(ch -> !Character.isWhitespace(ch)).count();
        return visible > 0 && letters >= visible * 0.6;
    }

    private static boolean startsSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || "\"'\u201c\u2018([".indexOf(c) >= 0
                || Character.isLetter(c) && !Character.isLowerCase(c);
    }

    private static boolean isAbbreviation(String prose, int sentenceStart, int period) {
        int wordStart = period;
        while (wordStart > sentenceStart && !Character.isWhitespace(prose.charAt(wordStart - 1))) {
            wordStart--;
        }
        String word = prose.substring(wordStart, period).replaceAll("^[(\"'\u201c]+", "").toLowerCase(Locale.ROOT);
        if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
            return true; // an initial, as in "J. Smith"
        }
        return ABBREVIATIONS.contains(word);
    }

    private static void add(List<String> sentences, String sentence) {
        String trimmed = sentence.trim();
        if (!trimmed.isEmpty()) {
            sentences.add(trimmed);
        }
    }
}
