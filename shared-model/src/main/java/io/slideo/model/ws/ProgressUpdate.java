package io.slideo.model.ws;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** How far a slow job has come, 0 to 100; uploads also say which chunk comes next. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProgressUpdate(String stage, int percent, String message, String documentId, String deckId,
        String uploadId, Integer nextChunk) implements ServerPayload {

    public ProgressUpdate(String stage, int percent, String message, String documentId, String deckId) {
        this(stage, percent, message, documentId, deckId, null, null);
    }

    /** Where a chunked upload stands: the next chunk the server expects, counted from 0. */
    public static ProgressUpdate upload(String uploadId, int percent, int nextChunk, String documentId, String message) {
        return new ProgressUpdate(documentId == null ? "uploading" : "uploaded", percent, message, documentId, null,
                uploadId, nextChunk);
    }

    @JsonIgnore
    @Override
    public ServerMessageType messageType() {
        return ServerMessageType.PROGRESS_UPDATE;
    }
}
