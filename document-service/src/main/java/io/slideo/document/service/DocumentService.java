package io.slideo.document.service;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.logging.Log;
import io.slideo.document.config.DocumentConfig;
import io.slideo.document.domain.Document;
import io.slideo.document.domain.DocumentStatus;
import io.slideo.document.repository.DocumentRepository;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;
import io.slideo.model.event.DocumentExtracted;
import io.slideo.model.event.DocumentFailed;
import io.slideo.model.ws.FileProcessed;
import io.slideo.outbox.Outbox;
import io.slideo.runtime.blob.BlobStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/** Uploads, reads and deletes documents, and records what extraction made of them. */
@ApplicationScoped
public class DocumentService {
    private final DocumentRepository documents;
    private final UploadInspector inspector;
    private final UploadQuota quota;
    private final BlobStore blobs;
    private final Outbox outbox;
    private final DocumentConfig config;
    private final Vertx vertx;
    private final ExtractionQueue queue;

    DocumentService(DocumentRepository documents, UploadInspector inspector, UploadQuota quota, BlobStore blobs,
            Outbox outbox, DocumentConfig config, Vertx vertx, ExtractionQueue queue) {
        this.queue = queue;
        this.documents = documents;
        this.inspector = inspector;
        this.quota = quota;
        this.blobs = blobs;
        this.outbox = outbox;
        this.config = config;
        this.vertx = vertx;
    }

    /**
     * Checks the user's quotas and the file, stores it, then (quotas counted again, under the user's lock)
     * records it; then the extraction queue hands it to the workers, at once if the user has room, else
     * after their earlier documents (or its sweep, should that fail now).
     */
    public Uni<Document> upload(String userId, String requestId, Path file, long sizeBytes, String fileName) {
        UUID id = UUID.randomUUID();
        String blobKey = "documents/" + id + "/original";
        return quota.beforeStoring(userId, sizeBytes)
                .chain(() -> vertx.executeBlocking(Uni.createFrom().item(() -> inspector.inspectAndStore(file, blobKey))))
                .chain(stored -> Panache.withTransaction(() -> quota.admit(userId, stored.sizeBytes())
                        .chain(() -> documents.persist(newDocument(id, userId, requestId, displayName(fileName), blobKey,
                                stored))))
                        .onFailure().call(e -> deleteBlob(blobKey)))
                .invoke(d -> Log.infof("Stored document %s (%s, %d bytes) for user %s", d.id, d.mediaType,
                        d.sizeBytes, userId))
                .call(d -> queue.dispatchLater(userId));
    }

    @WithSession
    public Uni<Document> get(String userId, UUID id) {
        return documents.findOwned(id, userId)
                .onItem().ifNull().failWith(() -> SlideoException.notFound("Document", id));
    }

    @WithSession
    public Uni<List<Document>> list(String userId) {
        return documents.listOwned(userId, config.listLimit());
    }

    /** The structured document a worker extracted, as stored (JSON of ExtractedDocument). */
    public Uni<String> structure(String userId, UUID id) {
        return extracted(userId, id).chain(document -> read(document.resultKey));
    }

    /** The document's knowledge graph (JSON of KnowledgeGraph). */
    public Uni<String> graph(String userId, UUID id) {
        return extracted(userId, id).chain(document -> {
            if (document.graphKey == null) {
                return Uni.createFrom().failure(new SlideoException(ErrorCode.NOT_FOUND,
                        "Document " + id + " has no knowledge graph; it was extracted before graphs existed or too little text was found"));
            }
            return read(document.graphKey);
        });
    }

    private Uni<Document> extracted(String userId, UUID id) {
        return get(userId, id).chain(document -> switch (document.status) {
            case UPLOADED -> Uni.createFrom().failure(new SlideoException(ErrorCode.CONFLICT,
                    "Document " + id + " is still being read; try again once its file_processed message arrives"));
            case FAILED -> Uni.createFrom().failure(new SlideoException(document.errorCode,
                    "Document " + id + " could not be read: " + document.errorMessage));
            case EXTRACTED -> Uni.createFrom().item(document);
        });
    }

    private Uni<String> read(String key) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> readBlob(key)));
    }

    public Uni<Void> delete(String userId, UUID id) {
        return Panache.withTransaction(() -> documents.findOwned(id, userId)
                .onItem().ifNull().failWith(() -> SlideoException.notFound("Document", id))
                .call(document -> documents.delete(document)))
                .call(document -> deleteBlob("documents/" + document.id))
                .invoke(document -> Log.infof("Deleted document %s of user %s", id, userId))
                .replaceWithVoid();
    }

    /**
     * Inside the consumer's transaction: the document is readable, and its owner hears so; the time it
     * took is charged to the owner even if the document was deleted meanwhile.
     */
    public Uni<Void> markExtracted(String userId, DocumentExtracted extracted) {
        return quota.chargeParseTime(userId, extracted.parseMillis())
                .chain(() -> documents.findById(UUID.fromString(extracted.documentId())))
                .chain(document -> {
                    if (document == null) {
                        Log.infof("Document %s was deleted before extraction finished", extracted.documentId());
                        return Uni.createFrom().voidItem();
                    }
                    document.status = DocumentStatus.EXTRACTED;
                    document.errorCode = null;
                    document.errorMessage = null;
                    document.title = extracted.title();
                    document.language = extracted.language();
                    document.pages = extracted.pages();
                    document.characters = extracted.characters();
                    document.sections = extracted.sections();
                    document.resultKey = extracted.resultKey();
                    document.graphKey = extracted.graphKey();
                    document.chunksKey = extracted.chunksKey();
                    document.topics = extracted.topics();
                    document.updatedAt = Instant.now();
                    return outbox.notifyUser(userId, extracted.requestId(), new FileProcessed(extracted.documentId(),
                            document.fileName, "extracted", extracted.pages(), extracted.language(), null, null));
                });
    }

    public Uni<Void> markFailed(String userId, DocumentFailed failed) {
        return quota.chargeParseTime(userId, failed.parseMillis())
                .chain(() -> documents.findById(UUID.fromString(failed.documentId())))
                .chain(document -> {
                    if (document == null) {
                        return Uni.createFrom().voidItem();
                    }
                    document.status = DocumentStatus.FAILED;
                    document.errorCode = failed.code();
                    document.errorMessage = failed.message();
                    document.updatedAt = Instant.now();
                    return outbox.notifyUser(userId, failed.requestId(), new FileProcessed(failed.documentId(),
                            document.fileName, "failed", null, null, failed.code(), failed.message()));
                });
    }

    private String readBlob(String key) {
        try (var in = blobs.open(key)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new SlideoException(ErrorCode.INTERNAL, "The extraction result is unreadable", e);
        }
    }

    private Uni<Void> deleteBlob(String key) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            try {
                blobs.delete(key);
            } catch (Exception e) {
                Log.warnf("Could not delete blob %s: %s", key, e.getMessage());
            }
            return null;
        })).replaceWithVoid();
    }

    private static Document newDocument(UUID id, String userId, String requestId, String fileName, String blobKey,
            UploadInspector.StoredUpload stored) {
        Document document = new Document();
        document.id = id;
        document.userId = userId;
        document.requestId = requestId;
        document.fileName = fileName;
        document.mediaType = stored.mediaType();
        document.sizeBytes = stored.sizeBytes();
        document.sha256 = stored.sha256();
        document.blobKey = blobKey;
        document.status = DocumentStatus.UPLOADED;
        document.createdAt = Instant.now();
        document.updatedAt = document.createdAt;
        return document;
    }

    /** The name as the user knows it, for display; control characters and paths removed, length capped. */
    static String displayName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (name.length() > 200) {
            name = name.substring(0, 200);
        }
        return name.isEmpty() ? "document" : name;
    }
}
