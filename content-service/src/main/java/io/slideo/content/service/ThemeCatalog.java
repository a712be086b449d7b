package io.slideo.content.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;

import io.slideo.model.event.EventCodec;
import io.slideo.model.theme.Theme;

/**
 * The built-in themes, read once from {@code themes/catalog.json}; each must pass the same
 * {@link ThemeRules} as a custom theme, or the service does not start.
 */
@ApplicationScoped
public class ThemeCatalog {
    private final Map<String, Theme> themes = new LinkedHashMap<>();

    ThemeCatalog() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("themes/catalog.json")) {
            if (in == null) {
                throw new IllegalStateException("themes/catalog.json is missing from the classpath");
            }
            for (Theme theme : EventCodec.newMapper().readValue(in, new TypeReference<List<Theme>>() {
            })) {
                List<String> problems = ThemeRules.problems(theme);
                if (!problems.isEmpty()) {
                    throw new IllegalStateException("Built-in theme " + theme.id() + " is invalid: " + problems);
                }
                themes.put(theme.id(), theme);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Theme> all() {
        return List.copyOf(themes.values());
    }

    public Optional<Theme> find(String id) {
        return Optional.ofNullable(themes.get(id));
    }
}
