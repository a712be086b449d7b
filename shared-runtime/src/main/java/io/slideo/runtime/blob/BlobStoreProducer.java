package io.slideo.runtime.blob;

import java.io.IOException;
import java.nio.file.Path;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.slideo.runtime.config.BlobConfig;

/** The blob store this deployment uses: a local directory (S3 comes as a second implementation). */
public class BlobStoreProducer {

    @Produces
    @Singleton
    BlobStore blobStore(BlobConfig config) throws IOException {
        return new LocalDirectoryBlobStore(Path.of(config.directory()));
    }
}
