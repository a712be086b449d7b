package io.slideo.worker.prompt;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One prompt as written in {@code prompts/<name>.yaml}: its identity (name, version, what it is for),
 * the variables a call must give ({@code variables}) or may give ({@code optional}), the model
 * settings it wants, the shape of the JSON answer ({@code answer}, shown to the model and used for a
 * repair) and the Qute bodies of its system and user messages.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PromptTemplate(
        String name,
        int version,
        String description,
        List<String> variables,
        List<String> optional,
        Settings model,
        String answer,
        String system,
        String user) {

    public PromptTemplate {
        variables = variables == null ? List.of() : List.copyOf(variables);
        optional = optional == null ? List.of() : List.copyOf(optional);
        model = model == null ? new Settings(null, null) : model;
    }

    /** What the template asks of the model: how free it may be and how long its answer may run. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Settings(Double temperature, @JsonProperty("max-tokens") Integer maxTokens) {
    }

    /** The template's identity as it appears in metrics, logs and cache keys. */
    public String id() {
        return name + "@v" + version;
    }
}
