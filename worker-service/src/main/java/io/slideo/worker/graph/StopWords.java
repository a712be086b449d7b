package io.slideo.worker.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Words too common to be key phrases, per language (resources {@code stopwords/<language>.txt}). */
public final class StopWords {
    private static final String FALLBACK = "en";
    private static final Map<String, Set<String>> LOADED = new ConcurrentHashMap<>();

    private StopWords() {
    }

    /** The list of a language given as an ISO code ("de", "pt-BR"); English when there is none. */
    public static Set<String> of(String language) {
        String code = language == null ? FALLBACK : language.toLowerCase(Locale.ROOT).split("[-_]")[0];
        Set<String> words = LOADED.computeIfAbsent(code, StopWords::load);
        return words.isEmpty() ? LOADED.computeIfAbsent(FALLBACK, StopWords::load) : words;
    }

    private static Set<String> load(String code) {
        try (InputStream in = StopWords.class.getClassLoader().getResourceAsStream("stopwords/" + code + ".txt")) {
            if (in == null) {
                return Set.of();
            }
            return Set.copyOf(java.util.Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim().split("\\s+")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
