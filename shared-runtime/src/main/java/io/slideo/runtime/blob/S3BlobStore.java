package io.slideo.runtime.blob;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A blob store in an S3 bucket, on AWS or any S3-compatible server. Content of unknown length goes up
 * in parts of {@link #PART_SIZE}: in one request when it fits in one part, else as a multipart upload
 * that S3 assembles only when the last part is in. So, as with {@link LocalDirectoryBlobStore}, a
 * reader never sees half a blob, a failed write (the upload is aborted) leaves nothing and keeps the
 * previous content, and a missing blob opens as {@link NoSuchFileException}. Closing it closes its client.
 */
public class S3BlobStore implements BlobStore, AutoCloseable {
    /** Above S3's 5 MiB minimum part; a write holds one part in memory, whatever its size. */
    static final int PART_SIZE = 8 * 1024 * 1024;
    private static final String CONTENT_TYPE = "application/octet-stream";

    private final S3Client s3;
    private final String bucket;

    /** Checks that the bucket answers, creating it if it is missing; an unusable bucket fails here. */
    public S3BlobStore(S3Client s3, String bucket) throws IOException {
        this.s3 = s3;
        this.bucket = bucket;
        new S3Bucket(s3, bucket).ensureExists();
    }

    @Override
    public long put(String key, InputStream content) throws IOException {
        return put(key, content, Long.MAX_VALUE);
    }

    @Override
    public long put(String key, InputStream content, long limit) throws IOException {
        BlobStore.checkKey(key);
        byte[] first = content.readNBytes(PART_SIZE);
        if (first.length > limit) {
            throw new TooLargeException(limit);
        }
        if (first.length < PART_SIZE) {
            call("write " + key, () -> s3.putObject(r -> r.bucket(bucket).key(key).contentType(CONTENT_TYPE),
                    body(first, first.length)));
            return first.length;
        }
        return putInParts(key, first, content, limit);
    }

    @Override
    public InputStream open(String key) throws IOException {
        BlobStore.checkKey(key);
        try {
            return s3.getObject(r -> r.bucket(bucket).key(key));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new NoSuchFileException("No blob " + key);
            }
            throw failure("read " + key, e);
        } catch (SdkException e) {
            throw failure("read " + key, e);
        }
    }

    @Override
    public boolean exists(String key) {
        BlobStore.checkKey(key);
        try {
            s3.headObject(r -> r.bucket(bucket).key(key));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw new UncheckedIOException(failure("look up " + key, e));
        } catch (SdkException e) {
            throw new UncheckedIOException(failure("look up " + key, e));
        }
    }

    @Override
    public void delete(String key) throws IOException {
        BlobStore.checkKey(key);
        // Everything below the key too, as deleting a directory does (S3 has only prefixes). Below first:
        // file-backed S3 servers keep the key as a directory over them and refuse to remove it while full.
        // One request per blob: the batch delete needs a checksum header that S3-compatible servers differ
        // on (s3proxy answers the SDK's CRC32 with 501), and a document has a handful of blobs.
        try {
            for (ListObjectsV2Response page : s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(key + "/"))) {
                for (S3Object below : page.contents()) {
                    s3.deleteObject(r -> r.bucket(bucket).key(below.key()));
                }
            }
            s3.deleteObject(r -> r.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw failure("delete " + key, e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    /** A multipart upload, completed after the last part or aborted on any failure, the caller's included. */
    private long putInParts(String key, byte[] first, InputStream content, long limit) throws IOException {
        String uploadId = call("start writing " + key, () -> s3.createMultipartUpload(
                r -> r.bucket(bucket).key(key).contentType(CONTENT_TYPE))).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            parts.add(uploadPart(key, uploadId, 1, first, first.length));
            long total = first.length;
            byte[] buffer = first; // sent: it holds the next part
            int n;
            while ((n = content.readNBytes(buffer, 0, PART_SIZE)) > 0) {
                total += n;
                if (total > limit) {
                    throw new TooLargeException(limit);
                }
                parts.add(uploadPart(key, uploadId, parts.size() + 1, buffer, n));
            }
            call("finish writing " + key, () -> s3.completeMultipartUpload(r -> r.bucket(bucket).key(key)
                    .uploadId(uploadId).multipartUpload(u -> u.parts(parts))));
            return total;
        } catch (IOException | RuntimeException | Error e) {
            abort(key, uploadId, e);
            throw e;
        }
    }

    private CompletedPart uploadPart(String key, String uploadId, int number, byte[] bytes, int length)
            throws IOException {
        String eTag = call("write part " + number + " of " + key, () -> s3.uploadPart(r -> r.bucket(bucket)
                .key(key).uploadId(uploadId).partNumber(number).contentLength((long) length),
                body(bytes, length))).eTag();
        return CompletedPart.builder().partNumber(number).eTag(eTag).build();
    }

    private void abort(String key, String uploadId, Throwable cause) {
        try {
            s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException e) {
            // The parts stay until a lifecycle rule removes incomplete uploads; the blob itself never appears.
            cause.addSuppressed(failure("abort the upload " + uploadId + " of " + key, e));
        }
    }

    /** Each read (signing, sending, a retry) gets a fresh stream over the same bytes: nothing is copied. */
    private static RequestBody body(byte[] bytes, int length) {
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes, 0, length), length, CONTENT_TYPE);
    }

    private <T> T call(String what, Supplier<T> request) throws IOException {
        try {
            return request.get();
        } catch (SdkException e) {
            throw failure(what, e);
        }
    }

    private IOException failure(String what, SdkException e) {
        return new IOException("S3 bucket " + bucket + " could not " + what + ": " + e.getMessage(), e);
    }

    /** Makes sure the bucket exists, in the client's region, before the first blob is written. */
    private record S3Bucket(S3Client s3, String name) {
        void ensureExists() throws IOException {
            try {
                s3.headBucket(r -> r.bucket(name));
                return;
            } catch (S3Exception e) {
                if (e.statusCode() != 404) {
                    throw unusable("cannot be used", e);
                }
            } catch (SdkException e) {
                throw unusable("cannot be reached", e);
            }
            try {
                // In the client's region: the SDK names it as the location, unless it is us-east-1, S3's default.
                s3.createBucket(r -> r.bucket(name));
            } catch (BucketAlreadyOwnedByYouException e) {
                // Another service of this deployment created it first.
            } catch (SdkException e) {
                throw unusable("does not exist and could not be created", e);
            }
        }

        private IOException unusable(String why, SdkException e) {
            return new IOException("The blob store's S3 bucket " + name + " at "
                    + s3.serviceClientConfiguration().endpointOverride().map(Object::toString).orElse("AWS")
                    + " " + why + " (SLIDEO_BLOB_S3_*): " + e.getMessage(), e);
        }
    }
}
