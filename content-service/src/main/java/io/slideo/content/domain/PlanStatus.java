package io.slideo.content.domain;

/** A plan is drafted by a worker, then ready to be written into slides. */
public enum PlanStatus {
    DRAFTING,
    READY
}
