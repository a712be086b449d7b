package io.slideo.document.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.slideo.document.config.DocumentConfig;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;
import io.slideo.runtime.blob.BlobStore;

/**
 * Checks an upload before anything is kept: not empty, not too large, and of an allowed type as
 * read from its bytes (within bounds: see {@link UploadTypeDetector}). Then copies it into the blob
 * store. Blocking; runs on a worker thread.
 */
@ApplicationScoped
public class UploadInspector {
    // What Tika calls an Office file whose content is encrypted under a password (an OOXML package
    // inside an OLE2 container); the type names the container, so without this it read as unsupported.
    private static final Set<String> PASSWORD_PROTECTED = Set.of(UploadTypeDetector.ENCRYPTED_OOXML);
    private final UploadTypeDetector detector;
    private final DocumentConfig config;
    private final BlobStore blobs;

    UploadInspector(DocumentConfig config, BlobStore blobs) {
        this.detector = new UploadTypeDetector(config.maxZipEntries(), config.maxUnpackedBytes());
        this.config = config;
        this.blobs = blobs;
    }

    public record StoredUpload(String mediaType, long sizeBytes, String sha256) {
    }

    public StoredUpload inspectAndStore(Path upload, String blobKey) {
        try {
            long size = Files.size(upload);
            if (size == 0) {
                throw new SlideoException(ErrorCode.EMPTY, "The file is empty");
            }
            if (size > config.maxUploadBytes()) {
                throw new SlideoException(ErrorCode.TOO_LARGE, "The file has " + size + " bytes; the limit is "
                        + config.maxUploadBytes() + " bytes");
            }
            String mediaType = detector.detect(upload);
            if (PASSWORD_PROTECTED.contains(mediaType)) {
                throw new SlideoException(ErrorCode.ENCRYPTED, "This file needs a password; Slideo cannot open it."
                        + " Save a copy without the password and upload that");
            }
            if (!config.allowedTypes().contains(mediaType)) {
                throw new SlideoException(ErrorCode.UNSUPPORTED_TYPE, "The file's content is " + mediaType
                        + ", which Slideo does not read; upload PDF, Office, OpenDocument, RTF, EPUB, HTML, Markdown,"
                        + " text or an image");
            }
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(upload), sha256)) {
                blobs.put(blobKey, in, config.maxUploadBytes());
            }
            return new StoredUpload(mediaType, size, HexFormat.of().formatHex(sha256.digest()));
        } catch (IOException e) {
            throw new SlideoException(ErrorCode.INTERNAL, "Could not store the upload", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
