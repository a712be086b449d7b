package io.slideo.content.domain;

/** A plan is drafted by a worker, then ready to be written into slides; or it failed, and says why. */
public enum PlanStatus {
    DRAFTING,
    READY,
    FAILED
}
