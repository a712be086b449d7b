package io.slideo.model.event;

import io.slideo.model.error.ErrorCode;

/** A worker could not draft a plan, for a reason that asking again will not change; {@code message} says it to the user. */
public record PlanFailed(
        String planId,
        String requestId,
        ErrorCode code,
        String message) {
}
