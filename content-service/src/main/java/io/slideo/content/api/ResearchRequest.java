package io.slideo.content.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A user's web research question; {@code maxResults} defaults to 5. */
public record ResearchRequest(
        @NotBlank(message = "must say what to research") @Size(max = 500, message = "must be at most 500 characters")
        String query,
        @Min(value = 1, message = "must be at least 1") @Max(value = 10, message = "must be at most 10")
        Integer maxResults) {
}
