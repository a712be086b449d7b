package io.slideo.websocket.service;

import static io.slideo.websocket.service.FileUploadHandler.invalid;
import static io.slideo.websocket.service.FileUploadHandler.onWorker;

import java.nio.file.Files;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

import io.quarkus.logging.Log;
import io.slideo.model.error.SlideoException;
import io.slideo.model.ws.ProgressUpdate;
import io.slideo.runtime.client.UpstreamFailures;
import io.slideo.websocket.client.DocumentServiceClient;
import io.slideo.websocket.domain.LiveConnection;
import io.slideo.websocket.repository.SessionStore;
import io.slideo.websocket.repository.UploadChunks;
import io.slideo.websocket.repository.UploadChunks.Assembled;
import io.slideo.websocket.repository.UploadStore;
import io.slideo.websocket.repository.UploadStore.Upload;
import io.smallrye.mutiny.Uni;

/**
 * The {@code end} of a chunked upload: taken by one end only, its chunks streamed from the blob store
 * into a temporary file while the SHA-256 is computed, checked against the announced one, and the file
 * streamed from disk to document-service like a REST upload. Afterwards (stored or not) the temporary
 * file, the chunks and the Redis metadata are deleted.
 */
@ApplicationScoped
public class UploadCompletion {
    private static final String OCTETS = "application/octet-stream";

    private final UploadStore uploads;
    private final UploadChunks chunks;
    private final DocumentServiceClient documents;
    private final MessageSender sender;
    private final SessionStore sessions;

    UploadCompletion(UploadStore uploads, UploadChunks chunks, @RestClient DocumentServiceClient documents,
            MessageSender sender, SessionStore sessions) {
        this.uploads = uploads;
        this.chunks = chunks;
        this.documents = documents;
        this.sender = sender;
        this.sessions = sessions;
    }

    public Uni<Void> store(LiveConnection connection, Upload upload, String requestId) {
        return uploads.claim(connection.userId(), upload.id()).chain(answer -> {
            if (answer == -1) {
                return Uni.createFrom().failure(SlideoException.notFound("Upload", upload.id()));
            }
            if (answer == -2) {
                return Uni.createFrom().failure(invalid("only " + upload.received() + " of " + upload.size()
                        + " bytes arrived; continue from chunk " + upload.nextChunk()));
            }
            if (answer == -3) {
                return Uni.createFrom().failure(invalid("this upload is already being stored (end was sent before)"));
            }
            return onWorker(connection, () -> chunks.assemble(upload.id(), upload.nextChunk()))
                    .chain(file -> deliver(connection, upload, file, requestId)
                            .onTermination().call(() -> onWorker(connection, () -> Files.deleteIfExists(file.file()))))
                    .onTermination().call(() -> discard(connection, upload));
        });
    }

    /** Deletes the upload's chunks and metadata; a failure is logged (the sweep retries), never the caller's. */
    public Uni<Void> discard(LiveConnection connection, Upload upload) {
        return onWorker(connection, () -> {
            chunks.delete(upload.id());
            return null;
        }).chain(() -> uploads.delete(connection.userId(), upload.id()))
                .onFailure().invoke(failure -> Log.warnf("Could not delete upload %s of user %s yet: %s", upload.id(),
                        connection.userId(), failure.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Void> deliver(LiveConnection connection, Upload upload, Assembled file, String requestId) {
        if (file.bytes() != upload.size() || !file.sha256().equals(upload.sha256())) {
            Log.infof("Upload %s of user %s does not match its checksum; discarded", upload.id(), connection.userId());
            return Uni.createFrom().failure(invalid("the file's SHA-256 does not match the announced one; the upload"
                    + " was discarded, start it again"));
        }
        // From the file on disk: the client sends it part by part, never as one buffer.
        ClientMultipartForm form = ClientMultipartForm.create()
                .binaryFileUpload("file", upload.fileName(), file.file().toString(), OCTETS);
        return documents.upload(form, connection.authorization(), requestId)
                .onFailure().transform(failure -> UpstreamFailures.translate("document-service", failure))
                .chain(document -> {
                    String documentId = document.path("id").asText();
                    Log.infof("Upload %s of user %s became document %s", upload.id(), connection.userId(), documentId);
                    return sender.reply(connection, requestId, ProgressUpdate.upload(upload.id(), 100,
                            upload.nextChunk(), documentId, "Stored as document " + documentId))
                            .chain(() -> sessions.addDocuments(connection, List.of(documentId)));
                });
    }
}
