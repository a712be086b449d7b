package io.slideo.model.ws;

import io.slideo.model.error.ErrorCode;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A document finished extraction, successfully ({@code extracted}) or not ({@code failed}). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FileProcessed(String documentId, String fileName, String status, Integer pages, String language, ErrorCode errorCode, String errorMessage) implements ServerPayload {

    @JsonIgnore
    @Override
    public ServerMessageType messageType() {
        return ServerMessageType.FILE_PROCESSED;
    }
}
