package io.slideo.slide.service.export;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The language a deck is written in, read from its own text (the deck stores none): the script of its
 * letters decides for scripts of one language (kana is Japanese, Hangul Korean, Han alone Chinese),
 * and for Latin text the most frequent function words of the languages Slideo labels. English where
 * nothing decides.
 */
final class DeckLanguage {
    private static final Map<String, Set<String>> FUNCTION_WORDS = Map.of(
            "en", Set.of("the", "and", "of", "to", "is", "in", "for", "with", "that", "are"),
            "de", Set.of("der", "die", "das", "und", "ist", "nicht", "mit", "den", "für", "von"),
            "fr", Set.of("le", "la", "les", "et", "des", "est", "une", "pour", "dans", "du"),
            "es", Set.of("el", "los", "las", "y", "es", "una", "para", "con", "del", "por"),
            "it", Set.of("il", "che", "di", "gli", "della", "sono", "per", "una", "con", "non"),
            "pt", Set.of("o", "os", "e", "do", "da", "uma", "para", "com", "não", "são"),
            "nl", Set.of("de", "het", "een", "en", "van", "is", "niet", "voor", "met", "zijn"));

    private DeckLanguage() {
    }

    static String of(List<String> texts) {
        Map<Character.UnicodeScript, Integer> scripts = new HashMap<>();
        for (String text : texts) {
            text.codePoints().filter(Character::isLetter)
                    .forEach(c -> scripts.merge(Character.UnicodeScript.of(c), 1, Integer::sum));
        }
        if (scripts.containsKey(Character.UnicodeScript.HIRAGANA) || scripts.containsKey(Character.UnicodeScript.KATAKANA)) {
            return "ja";
        }
        Character.UnicodeScript main = scripts.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).orElse(Character.UnicodeScript.LATIN);
        return switch (main) {
            case HANGUL -> "ko";
            case HAN -> "zh";
            case ARABIC -> "ar";
            case HEBREW -> "he";
            case DEVANAGARI -> "hi";
            case THAI -> "th";
            case CYRILLIC -> "ru";
            case GREEK -> "el";
            default -> latin(texts);
        };
    }

    private static String latin(List<String> texts) {
        Map<String, Integer> hits = new HashMap<>();
        for (String text : texts) {
            for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
                FUNCTION_WORDS.forEach((language, words) -> {
                    if (words.contains(word)) {
                        hits.merge(language, 1, Integer::sum);
                    }
                });
            }
        }
        return hits.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(e -> "en".equals(e.getKey()))).map(Map.Entry::getKey).orElse("en");
    }
}
