package io.slideo.websocket.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

import io.quarkus.logging.Log;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;
import io.slideo.model.ws.ClientFrame;
import io.slideo.model.ws.ClientMessageType;
import io.slideo.model.ws.FileUpload;
import io.slideo.model.ws.ProgressUpdate;
import io.slideo.runtime.client.UpstreamFailures;
import io.slideo.websocket.client.DocumentServiceClient;
import io.slideo.websocket.config.LiveChannelConfig;
import io.slideo.websocket.domain.LiveConnection;
import io.slideo.websocket.repository.SessionStore;
import io.slideo.websocket.repository.UploadStore.Upload;
import io.slideo.websocket.repository.UploadStore;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;

/**
 * Chunked uploads for clients that only speak WebSocket: {@code start} (file name, size, sha-256),
 * numbered {@code chunk}s (base64), {@code end}; {@code status} tells a client that reconnected
 * which chunk to send next. Chunks wait in Redis, so any instance can continue an upload. At the end
 * the checksum is verified and the file goes to document-service like a REST upload.
 */
@ApplicationScoped
public class FileUploadHandler implements ClientMessageHandler {
    private static final String OCTETS = "application/octet-stream";

    private final UploadStore uploads;
    private final DocumentServiceClient documents;
    private final MessageSender sender;
    private final LiveChannelConfig config;
    private final SessionStore sessions;

    FileUploadHandler(UploadStore uploads, @RestClient DocumentServiceClient documents, MessageSender sender,
            LiveChannelConfig config, SessionStore sessions) {
        this.sessions = sessions;
        this.uploads = uploads;
        this.documents = documents;
        this.sender = sender;
        this.config = config;
    }

    @Override
    public ClientMessageType type() {
        return ClientMessageType.FILE_UPLOAD;
    }

    @Override
    public Uni<Void> handle(LiveConnection connection, ClientFrame frame, String requestId) {
        FileUpload upload = (FileUpload) frame.payload();
        String action = upload.action() == null ? "" : upload.action();
        return switch (action) {
            case "start" -> start(connection, upload, requestId);
            case "chunk" -> chunk(connection, upload, requestId);
            case "end" -> end(connection, upload, requestId);
            case "status" -> status(connection, upload, requestId);
            default -> Uni.createFrom().failure(invalid("action must be start, chunk, end or status"));
        };
    }

    private Uni<Void> start(LiveConnection connection, FileUpload start, String requestId) {
        if (start.size() == null || start.size() <= 0) {
            return Uni.createFrom().failure(new SlideoException(ErrorCode.EMPTY, "size must be the file's size in bytes, above 0"));
        }
        if (start.size() > config.maxUploadBytes()) {
            return Uni.createFrom().failure(new SlideoException(ErrorCode.TOO_LARGE, "The file has " + start.size()
                    + " bytes; the limit is " + config.maxUploadBytes() + " bytes"));
        }
        if (start.sha256() == null || !start.sha256().matches("[0-9a-fA-F]{64}")) {
            return Uni.createFrom().failure(invalid("sha256 must be the file's SHA-256, as 64 hexadecimal digits"));
        }
        Upload upload = new Upload(UUID.randomUUID().toString(), displayName(start.fileName()), start.size(),
                start.sha256().toLowerCase(), 0, 0);
        return uploads.start(connection.userId(), upload)
                .invoke(() -> Log.infof("User %s started upload %s (%d bytes)", connection.userId(), upload.id(),
                        upload.size()))
                .chain(() -> sender.reply(connection, requestId, ProgressUpdate.upload(upload.id(), 0, 0, null,
                        "Send chunk 0 of at most " + config.maxChunkBytes() + " bytes")));
    }

    private Uni<Void> chunk(LiveConnection connection, FileUpload chunk, String requestId) {
        if (chunk.index() == null || chunk.index() < 0 || chunk.chunk() == null) {
            return Uni.createFrom().failure(invalid("a chunk needs upload_id, index (from 0) and chunk (base64)"));
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(chunk.chunk());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(invalid("chunk is not base64"));
        }
        if (bytes.length > config.maxChunkBytes()) {
            return Uni.createFrom().failure(new SlideoException(ErrorCode.TOO_LARGE,
                    "A chunk may carry at most " + config.maxChunkBytes() + " bytes"));
        }
        return existing(connection, chunk.uploadId()).chain(upload -> uploads
                .append(connection.userId(), upload.id(), chunk.index(), bytes)
                .chain(received -> {
                    if (received == -2) {
                        return Uni.createFrom().failure(invalid("expected chunk " + upload.nextChunk() + ", not "
                                + chunk.index() + "; continue from chunk " + upload.nextChunk()));
                    }
                    if (received == -3) {
                        return uploads.delete(connection.userId(), upload.id()).chain(() -> Uni.createFrom().failure(
                                new SlideoException(ErrorCode.TOO_LARGE, "More bytes arrived than the " + upload.size()
                                        + " announced; the upload was discarded")));
                    }
                    if (received < 0) {
                        return Uni.createFrom().failure(SlideoException.notFound("Upload", upload.id()));
                    }
                    int percent = (int) (99 * received / upload.size());
                    return sender.reply(connection, requestId, ProgressUpdate.upload(upload.id(), percent,
                            chunk.index() + 1, null, received + " of " + upload.size() + " bytes received"));
                }));
    }

    private Uni<Void> end(LiveConnection connection, FileUpload end, String requestId) {
        return existing(connection, end.uploadId()).chain(upload -> {
            if (upload.received() != upload.size()) {
                return Uni.createFrom().failure(invalid("only " + upload.received() + " of " + upload.size()
                        + " bytes arrived; continue from chunk " + upload.nextChunk()));
            }
            return uploads.chunks(connection.userId(), upload.id()).chain(chunks -> {
                Buffer file = Buffer.buffer();
                chunks.forEach(file::appendBytes);
                if (!sha256(chunks).equals(upload.sha256())) {
                    return uploads.delete(connection.userId(), upload.id()).chain(() -> Uni.createFrom().failure(
                            invalid("the file's SHA-256 does not match the announced one; the upload was discarded,"
                                    + " start it again")));
                }
                ClientMultipartForm form = ClientMultipartForm.create()
                        .binaryFileUpload("file", upload.fileName(), file, OCTETS);
                return documents.upload(form, connection.authorization(), requestId)
                        .onFailure().transform(failure -> UpstreamFailures.translate("document-service", failure))
                        .onTermination().call(() -> uploads.delete(connection.userId(), upload.id()))
                        .chain(document -> {
                            String documentId = document.path("id").asText();
                            Log.infof("Upload %s of user %s became document %s", upload.id(), connection.userId(),
                                    documentId);
                            return sender.reply(connection, requestId, ProgressUpdate.upload(upload.id(), 100,
                                    upload.nextChunk(), documentId, "Stored as document " + documentId))
                                    .chain(() -> sessions.addDocuments(connection, List.of(documentId)));
                        });
            });
        });
    }

    private Uni<Void> status(LiveConnection connection, FileUpload status, String requestId) {
        return existing(connection, status.uploadId()).chain(upload -> sender.reply(connection, requestId,
                ProgressUpdate.upload(upload.id(), (int) (99 * upload.received() / upload.size()), upload.nextChunk(),
                        null, "Continue from chunk " + upload.nextChunk())));
    }

    /** The user's own upload; someone else's, or an expired one, does not exist. */
    private Uni<Upload> existing(LiveConnection connection, String uploadId) {
        if (uploadId == null || !uploadId.matches("[0-9a-f-]{36}")) {
            return Uni.createFrom().failure(invalid("upload_id must be the id a start message was answered with"));
        }
        return uploads.find(connection.userId(), uploadId)
                .onItem().ifNull().failWith(() -> SlideoException.notFound("Upload", uploadId));
    }

    private static String sha256(List<byte[]> chunks) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            chunks.forEach(digest::update);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String displayName(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    private static SlideoException invalid(String message) {
        return new SlideoException(ErrorCode.INVALID_FIELD, message);
    }
}
