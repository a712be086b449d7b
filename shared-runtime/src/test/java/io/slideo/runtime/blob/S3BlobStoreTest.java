package io.slideo.runtime.blob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.slideo.runtime.config.BlobConfig;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/** The blob store contract, and what only S3 has (its bucket, its credentials), against a real s3proxy. */
class S3BlobStoreTest extends BlobStoreContract {
    private static final String BUCKET = freshBucketName();
    private static S3Client s3;
    private static S3BlobStore store;

    @BeforeAll
    static void openStore() throws IOException {
        s3 = S3ProxyServer.client();
        store = new S3BlobStore(BlobStoreProducer.s3Client(S3ProxyServer.settings(BUCKET, S3ProxyServer.CREDENTIAL)), BUCKET);
    }

    @AfterAll
    static void removeBucket() {
        store.close();
        S3ProxyServer.deleteBucket(s3, BUCKET);
        s3.close();
    }

    @Override
    BlobStore store() {
        return store;
    }

    @Override
    List<String> leftovers() {
        return s3.listMultipartUploads(r -> r.bucket(BUCKET).prefix(keyPrefix())).uploads().stream()
                .map(upload -> "unfinished upload of " + upload.key()).toList();
    }

    @Test
    void anUnfinishedUploadCountsAsALeftover() {
        String key = key("unfinished");
        String uploadId = s3.createMultipartUpload(r -> r.bucket(BUCKET).key(key)).uploadId();
        try {
            assertEquals(List.of("unfinished upload of " + key), leftovers());
        } finally {
            s3.abortMultipartUpload(r -> r.bucket(BUCKET).key(key).uploadId(uploadId));
        }
    }

    @Test
    void createsItsBucketWhenMissing() throws IOException {
        String bucket = freshBucketName();
        assertThrows(NoSuchBucketException.class, () -> s3.headBucket(r -> r.bucket(bucket)));
        try (S3BlobStore fresh = new S3BlobStore(S3ProxyServer.client(), bucket)) {
            fresh.put("first/blob", text("in a new bucket"));
            s3.headBucket(r -> r.bucket(bucket));
            assertEquals("in a new bucket", new String(fresh.open("first/blob").readAllBytes()));
        } finally {
            S3ProxyServer.deleteBucket(s3, bucket);
        }
    }

    @Test
    void storesOfSeveralServicesShareTheBucket() throws IOException {
        store.put(key("shared"), text("written by one service"));
        try (S3BlobStore another = new S3BlobStore(S3ProxyServer.client(), BUCKET)) {
            assertEquals("written by one service", new String(another.open(key("shared")).readAllBytes()));
        }
    }

    @Test
    void wrongCredentialsFailAtStartNamingTheBucket() {
        BlobConfig.S3 wrong = S3ProxyServer.settings(BUCKET, "not-the-secret");
        IOException refused = assertThrows(IOException.class,
                () -> new S3BlobStore(BlobStoreProducer.s3Client(wrong), BUCKET));
        assertTrue(refused.getMessage().contains(BUCKET) && refused.getMessage().contains("cannot be used"),
                refused.getMessage());
    }

    @Test
    void aServerThatDoesNotAnswerFailsAtStartNamingIt() throws IOException {
        URI nowhere;
        try (ServerSocket socket = new ServerSocket(0)) {
            nowhere = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        BlobConfig.S3 settings = S3ProxyServer.settings(BUCKET, S3ProxyServer.CREDENTIAL);
        BlobConfig.S3 unreachable = new BlobConfig.S3() {
            public Optional<String> bucket() {
                return settings.bucket();
            }

            public Optional<URI> endpoint() {
                return Optional.of(nowhere);
            }

            public String region() {
                return settings.region();
            }

            public Optional<String> accessKey() {
                return settings.accessKey();
            }

            public Optional<String> secretKey() {
                return settings.secretKey();
            }

            public boolean pathStyle() {
                return true;
            }
        };
        IOException unanswered = assertThrows(IOException.class,
                () -> new S3BlobStore(BlobStoreProducer.s3Client(unreachable), BUCKET));
        assertTrue(unanswered.getMessage().contains(nowhere.toString())
                && unanswered.getMessage().contains("cannot be reached"), unanswered.getMessage());
    }

    static String freshBucketName() {
        return "slideo-test-" + UUID.randomUUID().toString().substring(0, 13);
    }
}
