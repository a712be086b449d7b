package io.slideo.document.domain;

/** Where a document is in its life: stored, then extracted or failed. */
public enum DocumentStatus {
    UPLOADED,
    EXTRACTED,
    FAILED
}
