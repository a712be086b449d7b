package io.slideo.worker.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.qute.Engine;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;

/**
 * The prompt templates in {@code prompts/} (listed in {@code prompts/index.txt}, so content-service
 * can read the same catalog): loaded and compiled once, rendered with their required variables
 * checked first. Optional variables that are not given render as empty.
 */
@ApplicationScoped
public class PromptCatalog {
    public static final String INDEX = "prompts/index.txt";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Map<String, Compiled> templates = new LinkedHashMap<>();

    private record Compiled(PromptTemplate template, Template system, Template user) {
    }

    public PromptCatalog() {
        // Strict rendering: an expression that resolves to nothing is an error, not an empty string.
        Engine engine = Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver())
                .removeStandaloneLines(true).strictRendering(true).build();
        for (String name : read(INDEX).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList()) {
            PromptTemplate template = parse(read("prompts/" + name + ".yaml"));
            if (!name.equals(template.name())) {
                throw new IllegalStateException("prompts/" + name + ".yaml names itself " + template.name());
            }
            for (String variable : template.variables()) {
                if (!(template.user() + template.system()).contains(variable)) {
                    throw new IllegalStateException("Prompt template " + name + " declares '" + variable
                            + "' but never uses it");
                }
            }
            templates.put(name, new Compiled(template, engine.parse(template.system() == null ? "" : template.system()),
                    engine.parse(template.user())));
        }
    }

    public static PromptTemplate parse(String yaml) {
        try {
            return YAML.readValue(yaml, PromptTemplate.class);
        } catch (IOException e) {
            throw new IllegalStateException("A prompt template is not valid YAML: " + e.getMessage(), e);
        }
    }

    public Collection<PromptTemplate> all() {
        return templates.values().stream().map(Compiled::template).toList();
    }

    public PromptTemplate get(String name) {
        Compiled compiled = templates.get(name);
        if (compiled == null) {
            throw new IllegalArgumentException("No prompt template is named " + name);
        }
        return compiled.template();
    }

    /** The template filled in; a required variable that is missing (or null) fails here, naming it. */
    public RenderedPrompt render(String name, Map<String, Object> variables) {
        Compiled compiled = templates.get(name);
        if (compiled == null) {
            throw new IllegalArgumentException("No prompt template is named " + name);
        }
        PromptTemplate template = compiled.template();
        for (String required : template.variables()) {
            if (variables.get(required) == null) {
                throw new MissingPromptVariable(template.id(), required);
            }
        }
        Map<String, Object> data = new HashMap<>(variables);
        for (String optional : template.optional()) {
            data.putIfAbsent(optional, "");
            if (data.get(optional) == null) {
                data.put(optional, "");
            }
        }
        return new RenderedPrompt(template, fill(compiled.system(), data), fill(compiled.user(), data));
    }

    private static String fill(Template template, Map<String, Object> data) {
        io.quarkus.qute.TemplateInstance instance = template.instance();
        data.forEach(instance::data);
        return instance.render().strip();
    }

    private static String read(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (loader == null ? PromptCatalog.class.getClassLoader() : loader).getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names of the catalog's templates, in catalog order. */
    public List<String> names() {
        return List.copyOf(templates.keySet());
    }
}
