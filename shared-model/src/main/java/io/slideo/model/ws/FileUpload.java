package io.slideo.model.ws;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Chunked upload: {@code start} (name, size, sha-256), numbered {@code chunk}s in base64, {@code end}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FileUpload(String action, String uploadId, String fileName, Long size, String sha256, Integer index, String chunk) implements ClientPayload {
}
