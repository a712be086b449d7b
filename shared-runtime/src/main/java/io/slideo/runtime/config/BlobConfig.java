package io.slideo.runtime.config;

import java.net.URI;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "slideo.blob")
public interface BlobConfig {
    /** Directory of the local blob store, shared by every service of one deployment. */
    @WithDefault(".slideo/blobs")
    String directory();

    /** An S3 bucket in place of the directory (SLIDEO_BLOB_S3_*). */
    S3 s3();

    interface S3 {
        /** Setting the bucket switches the store from the directory to S3; created if missing. */
        Optional<String> bucket();

        /** An S3-compatible server (s3proxy, MinIO, Ceph, ...); unset means AWS itself. */
        Optional<URI> endpoint();

        /** The region requests are signed for; S3-compatible servers mostly accept any. */
        @WithDefault("us-east-1")
        String region();

        /** With the secret key, fixed credentials; both unset means the AWS default chain (env, profile, role). */
        Optional<String> accessKey();

        Optional<String> secretKey();

        /** Bucket in the path (http://host/bucket/key) instead of the host name, as most S3-compatible servers need. */
        @WithDefault("false")
        boolean pathStyle();
    }
}
