package io.slideo.worker.graph;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Candidate key phrases of a sentence, RAKE-style: runs of content words between stop words and
 * punctuation, at most three words long, and each content word of a longer phrase on its own (so
 * "spiral galaxies" and "distant galaxies" meet at "galaxy"). Each phrase has a normalised key
 * (lower case, Unicode folded, English plurals folded) so "Trace trees" and "trace tree" are one vertex.
 */
public final class PhraseExtractor {
    private static final Pattern CLAUSE = Pattern.compile("[,;:()\\[\\]{}\"“”„«»!?.·•–—/|]+|\\s-\\s");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");
    private static final Pattern TRAILING_MARKS = Pattern.compile("['’-]+$");
    private static final int MAX_WORDS = 3;

    private final Set<String> stopWords;
    private final boolean english;

    public PhraseExtractor(String language) {
        this.stopWords = StopWords.of(language);
        this.english = language == null || language.toLowerCase(Locale.ROOT).startsWith("en");
    }

    /** A phrase as found ({@code surface}) and as counted ({@code key}). */
    public record Candidate(String key, String surface) {
    }

    public List<Candidate> phrases(String sentence) {
        List<Candidate> found = new ArrayList<>();
        for (String clause : CLAUSE.split(Normalizer.normalize(sentence, Normalizer.Form.NFKC))) {
            List<String> run = new ArrayList<>();
            Matcher words = WORD.matcher(clause);
            while (words.find()) {
                String word = TRAILING_MARKS.matcher(words.group()).replaceFirst("");
                if (isContent(word)) {
                    run.add(word);
                } else {
                    emit(run, found);
                    run.clear();
                }
            }
            emit(run, found);
        }
        return found;
    }

    private boolean isContent(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (stopWords.contains(lower) || lower.chars().noneMatch(Character::isLetter)) {
            return false;
        }
        return lower.codePointCount(0, lower.length()) >= 2;
    }

    /** Long runs are cut into pairs: a six-word run is seldom one idea. */
    private void emit(List<String> run, List<Candidate> found) {
        if (run.isEmpty()) {
            return;
        }
        if (run.size() <= MAX_WORDS) {
            add(run, found);
            return;
        }
        for (int i = 0; i < run.size(); i += 2) {
            add(run.subList(i, Math.min(i + 2, run.size())), found);
        }
    }

    private void add(List<String> words, List<Candidate> found) {
        if (words.size() > 1) {
            for (String word : words) {
                add(List.of(word), found);
            }
        }
        if (words.size() == 1 && words.get(0).codePointCount(0, words.get(0).length()) < 3) {
            return;
        }
        StringBuilder key = new StringBuilder();
        for (String word : words) {
            if (key.length() > 0) {
                key.append(' ');
            }
            key.append(fold(word.toLowerCase(Locale.ROOT)));
        }
        found.add(new Candidate(key.toString(), String.join(" ", words)));
    }

    /** Light normalisation: English plurals to singular; other languages keep their forms. */
    private String fold(String word) {
        if (!english || word.length() < 4) {
            return word;
        }
        if (word.endsWith("ies") && word.length() > 4) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
