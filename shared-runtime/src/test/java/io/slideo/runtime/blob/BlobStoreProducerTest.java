package io.slideo.runtime.blob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.slideo.runtime.config.BlobConfig;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import software.amazon.awssdk.services.s3.S3Client;

/** The store is chosen by environment variables alone, read the way Quarkus reads them. */
class BlobStoreProducerTest {
    private final BlobStoreProducer producer = new BlobStoreProducer();

    @Test
    void theS3VariablesAloneMoveBlobsIntoTheBucket() throws Exception {
        String bucket = S3BlobStoreTest.freshBucketName();
        BlobStore store = producer.blobStore(fromEnvironment(s3Variables(bucket)));
        try (S3Client s3 = S3ProxyServer.client()) {
            try {
                assertInstanceOf(S3BlobStore.class, store);
                store.put("documents/switched/original", new ByteArrayInputStream("in S3".getBytes(StandardCharsets.UTF_8)));
                assertEquals(5L, s3.headObject(r -> r.bucket(bucket).key("documents/switched/original")).contentLength());
            } finally {
                producer.close(store);
                S3ProxyServer.deleteBucket(s3, bucket);
            }
        }
    }

    @Test
    void withoutABucketBlobsStayInTheDirectory(@TempDir Path directory) throws Exception {
        BlobStore store = producer.blobStore(fromEnvironment(Map.of("SLIDEO_BLOB_DIRECTORY", directory.toString())));
        assertInstanceOf(LocalDirectoryBlobStore.class, store);
        store.put("documents/local/original", new ByteArrayInputStream(new byte[3]));
        assertTrue(Files.isRegularFile(directory.resolve("documents/local/original")));
    }

    @Test
    void anAccessKeyWithoutItsSecretIsRefusedNamingBothVariables() {
        Map<String, String> variables = new HashMap<>(s3Variables(S3BlobStoreTest.freshBucketName()));
        variables.remove("SLIDEO_BLOB_S3_SECRET_KEY");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> producer.blobStore(fromEnvironment(variables)));
        assertTrue(refused.getMessage().contains("SLIDEO_BLOB_S3_ACCESS_KEY")
                && refused.getMessage().contains("SLIDEO_BLOB_S3_SECRET_KEY"), refused.getMessage());
    }

    private static Map<String, String> s3Variables(String bucket) {
        return Map.of(
                "SLIDEO_BLOB_S3_BUCKET", bucket,
                "SLIDEO_BLOB_S3_ENDPOINT", S3ProxyServer.endpoint().toString(),
                "SLIDEO_BLOB_S3_REGION", "us-east-1",
                "SLIDEO_BLOB_S3_ACCESS_KEY", S3ProxyServer.IDENTITY,
                "SLIDEO_BLOB_S3_SECRET_KEY", S3ProxyServer.CREDENTIAL,
                "SLIDEO_BLOB_S3_PATH_STYLE", "true");
    }

    private static BlobConfig fromEnvironment(Map<String, String> variables) {
        return new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(variables, 300))
                .withMapping(BlobConfig.class)
                .build()
                .getConfigMapping(BlobConfig.class);
    }
}
