package io.slideo.content.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.slideo.content.api.PromptView;

/**
 * The prompt templates the workers render (worker-service's {@code prompts/}, packaged into this
 * service as resources): their names, versions, descriptions, variables and model settings.
 */
@ApplicationScoped
public class PromptCatalog {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Map<String, PromptView> templates = new LinkedHashMap<>();

    public PromptCatalog() {
        for (String name : read("prompts/index.txt").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            try {
                templates.put(name, YAML.readValue(read("prompts/" + name + ".yaml"), PromptView.class));
            } catch (IOException e) {
                throw new IllegalStateException("Prompt template " + name + " is not valid YAML: " + e.getMessage(), e);
            }
        }
    }

    /** Every template, without its bodies. */
    public List<PromptView> list() {
        return templates.values().stream().map(PromptView::summary).toList();
    }

    public Optional<PromptView> get(String name) {
        return Optional.ofNullable(templates.get(name));
    }

    private static String read(String resource) {
        try (InputStream in = PromptCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
