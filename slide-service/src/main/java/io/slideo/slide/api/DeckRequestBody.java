package io.slideo.slide.api;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A deck asked for in one go: the plan's fields; its slides are written as soon as it is drafted. */
public record DeckRequestBody(
        @NotEmpty(message = "must name at least one document") @Size(max = 20, message = "may name at most 20 documents")
        List<@Pattern(regexp = "[0-9a-fA-F-]{36}", message = "must be document ids") String> documentIds,
        @Size(max = 4000, message = "must be at most 4000 characters") String description,
        @Min(value = 3, message = "must be at least 3") @Max(value = 40, message = "must be at most 40") Integer slideCount,
        @Size(max = 100) String themeId,
        Boolean research,
        @Pattern(regexp = ModelName.PATTERN, message = ModelName.MESSAGE) String model) {
}
