package io.slideo.runtime.blob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

import io.slideo.testing.LiveHeap;

import software.amazon.awssdk.services.s3.S3Client;

/**
 * A blob larger than the test JVM's whole heap (the pom runs shared-runtime's tests with -Xmx96m) goes
 * up to S3 and comes back: it can only pass if both directions stream. The heap used is printed.
 */
class S3BlobStreamingTest {
    private static final long MIB = 1024 * 1024;
    private static final long SIZE = 100 * MIB;

    @Test
    void aBlobLargerThanTheHeapStreamsUpAndBack() throws IOException {
        assertTrue(Runtime.getRuntime().maxMemory() < SIZE, "the test JVM's heap must be smaller than the blob");
        String bucket = S3BlobStoreTest.freshBucketName();
        try (S3Client admin = S3ProxyServer.client();
                S3BlobStore store = new S3BlobStore(S3ProxyServer.client(), bucket)) {
            try {
                long usedBefore = usedAfterCollection();
                long start = System.nanoTime();
                long written;
                long liveWriting;
                long collectionsWriting;
                try (LiveHeap heap = LiveHeap.watch()) {
                    written = store.put("large/blob", GeneratedContent.of(SIZE, 11));
                    liveWriting = heap.mostAfterCollection();
                    collectionsWriting = heap.collections();
                }
                long putMillis = (System.nanoTime() - start) / 1_000_000;

                start = System.nanoTime();
                String digest;
                long liveReading;
                long collectionsReading;
                try (LiveHeap heap = LiveHeap.watch(); InputStream in = store.open("large/blob")) {
                    digest = GeneratedContent.sha256(in);
                    liveReading = heap.mostAfterCollection();
                    collectionsReading = heap.collections();
                }
                long readMillis = (System.nanoTime() - start) / 1_000_000;
                long usedAfter = usedAfterCollection();

                assertEquals(SIZE, written);
                assertEquals(GeneratedContent.sha256(GeneratedContent.of(SIZE, 11)), digest);
                System.out.printf("S3 blob store, %d MiB through s3proxy, heap limit %d MiB: written in %d ms, read"
                        + " back in %d ms; most heap in use after a collection %.1f MiB writing (%d collections),"
                        + " %.1f MiB reading (%d collections); Runtime total-free after a GC %.1f MiB before, %.1f MiB"
                        + " after%n", SIZE / MIB, Runtime.getRuntime().maxMemory() / MIB, putMillis, readMillis,
                        mib(liveWriting), collectionsWriting, mib(liveReading), collectionsReading, mib(usedBefore),
                        mib(usedAfter));
            } finally {
                S3ProxyServer.deleteBucket(admin, bucket);
            }
        }
    }

    private static long usedAfterCollection() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static double mib(long bytes) {
        return bytes / (double) MIB;
    }
}
