package io.slideo.document.api;

import java.time.Instant;

import io.slideo.document.domain.Document;
import io.slideo.model.error.ErrorCode;

/** A document as its owner sees it over REST. */
public record DocumentView(
        String id,
        String fileName,
        String mediaType,
        long sizeBytes,
        String sha256,
        String status,
        ErrorCode errorCode,
        String errorMessage,
        String title,
        String language,
        Integer pages,
        Long characters,
        Integer sections,
        Integer topics,
        Instant createdAt,
        Instant updatedAt) {

    static DocumentView of(Document d) {
        return new DocumentView(d.id.toString(), d.fileName, d.mediaType, d.sizeBytes, d.sha256,
                d.status.name().toLowerCase(), d.errorCode, d.errorMessage, d.title, d.language, d.pages, d.characters,
                d.sections, d.topics, d.createdAt, d.updatedAt);
    }
}
