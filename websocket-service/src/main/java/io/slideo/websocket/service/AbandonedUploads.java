package io.slideo.websocket.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.slideo.websocket.config.LiveChannelConfig;
import io.slideo.websocket.repository.UploadChunks;
import io.slideo.websocket.repository.UploadStore;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;

/**
 * Housekeeping for uploads nobody ended: once an upload's metadata has expired in Redis (the upload
 * timeout after its last chunk), its chunks are deleted from the blob store. Every instance sweeps;
 * Redis hands each expired upload to one of them. An upload whose chunks could not be deleted is
 * tried again at the next sweep.
 */
@ApplicationScoped
public class AbandonedUploads {
    /** Uploads taken per sweep: a sweep stays short, and a backlog clears over a few. */
    private static final int PER_SWEEP = 100;

    private final UploadStore uploads;
    private final UploadChunks chunks;
    private final LiveChannelConfig config;
    private final Vertx vertx;
    private long timer = -1;

    AbandonedUploads(UploadStore uploads, UploadChunks chunks, LiveChannelConfig config, Vertx vertx) {
        this.uploads = uploads;
        this.chunks = chunks;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(config.uploadSweepInterval().toMillis(), id -> sweep().subscribe().with(
                deleted -> {
                }, failure -> Log.warnf("Sweeping abandoned uploads failed: %s", failure.toString())));
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
    }

    /** Deletes the chunks of uploads that expired; answers how many uploads' chunks went. */
    public Uni<Integer> sweep() {
        return uploads.takeExpired(PER_SWEEP).chain(expired -> expired.isEmpty() ? Uni.createFrom().item(0)
                : Uni.createFrom().item(() -> deleteChunks(expired))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                        .chain(failed -> tryAgainLater(failed).replaceWith(expired.size() - failed.size())));
    }

    private Uni<Void> tryAgainLater(List<String> failed) {
        long at = System.currentTimeMillis() + config.uploadSweepInterval().toMillis();
        Uni<Void> all = Uni.createFrom().voidItem();
        for (String member : failed) {
            all = all.chain(() -> uploads.sweepLater(member, at));
        }
        return all;
    }

    /** Blocking: deletes each upload's chunks; answers the sweep members whose chunks are still there. */
    private List<String> deleteChunks(List<String> expired) {
        List<String> failed = new ArrayList<>();
        for (String member : expired) {
            try {
                chunks.delete(UploadStore.uploadIdOf(member));
                Log.infof("Deleted the chunks of abandoned upload %s", UploadStore.uploadIdOf(member));
            } catch (Exception e) {
                Log.warnf("Could not delete the chunks of abandoned upload %s: %s", UploadStore.uploadIdOf(member),
                        e.toString());
                failed.add(member);
            }
        }
        return failed;
    }
}
