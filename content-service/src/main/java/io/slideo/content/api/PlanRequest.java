package io.slideo.content.api;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a user asks a plan for; {@code model} optionally picks a model from the deployment's allow-list. */
public record PlanRequest(
        @NotEmpty(message = "must name at least one document") @Size(max = 20, message = "may name at most 20 documents")
        List<@Pattern(regexp = "[0-9a-fA-F-]{36}", message = "must be document ids") String> documentIds,
        @Size(max = 4000, message = "must be at most 4000 characters") String description,
        @Min(value = 3, message = "must be at least 3") @Max(value = 40, message = "must be at most 40") Integer slideCount,
        @Size(max = 100) String themeId,
        Boolean research,
        // A model from the deployment's allow-list; none means the deployment's model (or offline).
        @Size(max = 100, message = "must be at most 100 characters") String model) {
}
