package io.slideo.websocket.service;

import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;
import io.slideo.model.ws.ClientFrame;
import io.slideo.model.ws.ClientMessageType;
import io.slideo.model.ws.FileUpload;
import io.slideo.model.ws.ProgressUpdate;
import io.slideo.websocket.config.LiveChannelConfig;
import io.slideo.websocket.domain.LiveConnection;
import io.slideo.websocket.repository.UploadChunks;
import io.slideo.websocket.repository.UploadStore;
import io.slideo.websocket.repository.UploadStore.Admission;
import io.slideo.websocket.repository.UploadStore.Allowance;
import io.slideo.websocket.repository.UploadStore.Upload;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.unchecked.Unchecked;

/**
 * Chunked uploads for clients that only speak WebSocket: {@code start} (file name, size, sha-256),
 * numbered {@code chunk}s (base64), {@code end}; {@code status} tells a client that reconnected
 * which chunk to send next. Each chunk goes to the shared blob store as it arrives and Redis counts
 * it, so any instance can continue an upload and no instance holds a file in memory. A user has a
 * few uploads in progress at most, of so many bytes together. {@link UploadCompletion} does the end.
 */
@ApplicationScoped
public class FileUploadHandler implements ClientMessageHandler {
    private final UploadStore uploads;
    private final UploadChunks chunks;
    private final UploadCompletion completion;
    private final MessageSender sender;
    private final LiveChannelConfig config;

    FileUploadHandler(UploadStore uploads, UploadChunks chunks, UploadCompletion completion, MessageSender sender,
            LiveChannelConfig config) {
        this.uploads = uploads;
        this.chunks = chunks;
        this.completion = completion;
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
            case "end" -> existing(connection, upload.uploadId())
                    .chain(found -> completion.store(connection, found, requestId));
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
        Allowance allowance = new Allowance(config.maxUploadsInProgress(), config.maxUploadBytesInProgress());
        return uploads.start(connection.userId(), upload, allowance).chain(admission -> {
            if (!admission.admitted()) {
                return Uni.createFrom().failure(overQuota(admission, allowance, upload.size()));
            }
            Log.infof("User %s started upload %s (%d bytes; %d upload(s) of %d bytes in progress)", connection.userId(),
                    upload.id(), upload.size(), admission.uploadsInProgress(), admission.bytesInProgress());
            return sender.reply(connection, requestId, ProgressUpdate.upload(upload.id(), 0, 0, null,
                    "Send chunk 0 of at most " + config.maxChunkBytes() + " bytes"));
        });
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
        int index = chunk.index();
        return existing(connection, chunk.uploadId()).chain(upload -> {
            // Checked before the blob is written, so a repeated chunk never replaces one already counted.
            if (index != upload.nextChunk()) {
                return Uni.createFrom().failure(outOfOrder(upload, index));
            }
            if (upload.received() + bytes.length > upload.size()) {
                return tooManyBytes(connection, upload);
            }
            return store(connection, upload, index, bytes, requestId);
        });
    }

    /** Writes the chunk's blob (on a worker thread), then counts it in Redis, which may still refuse it. */
    private Uni<Void> store(LiveConnection connection, Upload upload, int index, byte[] bytes, String requestId) {
        return onWorker(connection, () -> {
            chunks.put(upload.id(), index, bytes);
            return null;
        }).chain(() -> uploads.append(connection.userId(), upload.id(), index, bytes.length)).chain(received -> {
            if (received == -1) {
                // Expired between the check and the write: the sweep may have passed, so the chunk goes too.
                return completion.discard(connection, upload)
                        .chain(() -> Uni.createFrom().failure(SlideoException.notFound("Upload", upload.id())));
            }
            if (received == -2) {
                // Another connection sent this chunk at the same moment; the checksum at the end guards the bytes.
                return Uni.createFrom().failure(outOfOrder(upload, index));
            }
            if (received == -3) {
                return tooManyBytes(connection, upload);
            }
            int percent = (int) (99 * received / upload.size());
            return sender.reply(connection, requestId, ProgressUpdate.upload(upload.id(), percent, index + 1, null,
                    received + " of " + upload.size() + " bytes received"));
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

    private Uni<Void> tooManyBytes(LiveConnection connection, Upload upload) {
        return completion.discard(connection, upload).chain(() -> Uni.createFrom().failure(new SlideoException(
                ErrorCode.TOO_LARGE, "More bytes arrived than the " + upload.size() + " announced; the upload was discarded")));
    }

    private SlideoException overQuota(Admission admission, Allowance allowance, long size) {
        if (admission.tooManyUploads()) {
            return new SlideoException(ErrorCode.QUOTA_EXCEEDED, "You have " + admission.uploadsInProgress()
                    + " uploads in progress, the most at once; end one, or start again once one has gone "
                    + config.uploadTimeout().toMinutes() + " min without a chunk");
        }
        long left = Math.max(0, allowance.bytes() - admission.bytesInProgress());
        return new SlideoException(ErrorCode.QUOTA_EXCEEDED, "Your " + admission.uploadsInProgress()
                + " upload(s) in progress announced " + admission.bytesInProgress() + " bytes; " + left + " of the "
                + allowance.bytes() + " bytes allowed at once are left, and this file has " + size);
    }

    /**
     * Blocking work (the blob store) on a worker thread; what follows runs on the connection's event
     * loop again, so a socket's work stays on its own thread.
     */
    static <T> Uni<T> onWorker(LiveConnection connection, Callable<T> work) {
        return Uni.createFrom().item(Unchecked.supplier(work::call))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(task -> connection.context().runOnContext(ignored -> task.run()));
    }

    private static SlideoException outOfOrder(Upload upload, int index) {
        return invalid("expected chunk " + upload.nextChunk() + ", not " + index + "; continue from chunk "
                + upload.nextChunk());
    }

    private static String displayName(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    static SlideoException invalid(String message) {
        return new SlideoException(ErrorCode.INVALID_FIELD, message);
    }
}
