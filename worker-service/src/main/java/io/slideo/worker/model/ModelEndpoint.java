package io.slideo.worker.model;

import java.net.URI;

import dev.langchain4j.model.chat.ChatModel;
import io.smallrye.faulttolerance.api.Guard;

/**
 * One model on one server, with its own guard (timeout, retries, circuit breaker named
 * {@code breaker}): a failing model does not pause the others.
 */
public record ModelEndpoint(String model, URI baseUrl, ChatModel chat, Guard guard, String breaker) {

    /** How slides and plans written by this model are labelled for the user. */
    public String generator() {
        return "model:" + model;
    }
}
