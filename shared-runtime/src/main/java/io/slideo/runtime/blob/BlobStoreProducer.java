package io.slideo.runtime.blob;

import java.io.IOException;
import java.nio.file.Path;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.slideo.runtime.config.BlobConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** The blob store this deployment uses: an S3 bucket when one is configured, else a local directory. */
public class BlobStoreProducer {

    @Produces
    @Singleton
    BlobStore blobStore(BlobConfig config) throws IOException {
        if (config.s3().bucket().isEmpty()) {
            return new LocalDirectoryBlobStore(Path.of(config.directory()));
        }
        String bucket = config.s3().bucket().get();
        S3Client client = s3Client(config.s3());
        try {
            S3BlobStore store = new S3BlobStore(client, bucket);
            Log.infof("Blobs are stored in the S3 bucket %s at %s", bucket,
                    config.s3().endpoint().map(Object::toString).orElse("AWS " + config.s3().region()));
            return store;
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    void close(@Disposes BlobStore store) throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    static S3Client s3Client(BlobConfig.S3 config) {
        S3ClientBuilder builder = S3Client.builder()
                // Named, so another HTTP client on a service's classpath cannot make the SDK's pick ambiguous.
                .httpClientBuilder(Apache5HttpClient.builder())
                .region(Region.of(config.region()))
                .forcePathStyle(config.pathStyle())
                .credentialsProvider(credentials(config));
        config.endpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint)
                // S3-compatible servers may not know the checksums the SDK adds by default since 2.30
                // (aws-chunked bodies with trailing CRCs): send and check them only where S3 demands one.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(BlobConfig.S3 config) {
        if (config.accessKey().isPresent() != config.secretKey().isPresent()) {
            throw new IllegalArgumentException(
                    "Set both SLIDEO_BLOB_S3_ACCESS_KEY and SLIDEO_BLOB_S3_SECRET_KEY, or neither (the AWS default chain)");
        }
        if (config.accessKey().isEmpty()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(config.accessKey().get(), config.secretKey().get()));
    }
}
