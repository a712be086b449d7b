package io.slideo.worker.model;

/**
 * The model could not answer: its server failed after the retries, timed out, refused (circuit
 * open), or this worker had no free slot. Always worth trying again later.
 */
public class ModelUnavailable extends RuntimeException {
    public ModelUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
