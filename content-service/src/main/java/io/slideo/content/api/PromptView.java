package io.slideo.content.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A prompt template of the catalog: what it is for, the variables a call must (and may) give, the
 * model settings it asks for, the JSON shape of its answer and, when one template is read, its bodies.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromptView(String name, int version, String description, List<String> variables, List<String> optional,
        Settings model, String answer, String system, String user) {

    public PromptView {
        variables = variables == null ? List.of() : List.copyOf(variables);
        optional = optional == null ? List.of() : List.copyOf(optional);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Settings(Double temperature, @JsonProperty("max-tokens") Integer maxTokens) {
    }

    public PromptView summary() {
        return new PromptView(name, version, description, variables, optional, model, answer, null, null);
    }
}
