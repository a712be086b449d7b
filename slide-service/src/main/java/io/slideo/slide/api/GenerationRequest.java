package io.slideo.slide.api;

import java.util.List;

import jakarta.validation.constraints.Size;

/** Which slides to write (all when empty) and how. */
public record GenerationRequest(
        @Size(max = 100, message = "may list at most 100 slides") List<Integer> slideIndexes,
        @Size(max = 2000, message = "must be at most 2000 characters") String instructions) {
}
