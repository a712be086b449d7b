package io.slideo.slide.api;

import java.util.List;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Which slides to write (all when empty) and how; {@code model} optionally picks a model from the
 * deployment's allow-list (a model not on it is refused by the worker, which writes with the
 * deployment's model and says so).
 */
public record GenerationRequest(
        @Size(max = 100, message = "may list at most 100 slides") List<Integer> slideIndexes,
        @Size(max = 2000, message = "must be at most 2000 characters") String instructions,
        @Pattern(regexp = ModelName.PATTERN, message = ModelName.MESSAGE) String model) {

    public static final GenerationRequest ALL = new GenerationRequest(null, null, null);
}
