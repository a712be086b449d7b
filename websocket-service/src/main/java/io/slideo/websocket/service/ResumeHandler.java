package io.slideo.websocket.service;

import java.util.concurrent.Executor;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;
import io.slideo.model.ws.ClientFrame;
import io.slideo.model.ws.ClientMessageType;
import io.slideo.model.ws.Resume;
import io.slideo.model.ws.ResyncRequired;
import io.slideo.runtime.notification.JournalEntry;
import io.slideo.runtime.notification.NotificationJournal.Slice;
import io.slideo.runtime.notification.NotificationJournal;
import io.slideo.websocket.config.LiveChannelConfig;
import io.slideo.websocket.domain.DeliveryState;
import io.slideo.websocket.domain.LiveConnection;
import io.smallrye.mutiny.Uni;

/**
 * {@code resume {last_seq}}: sends the user's notifications numbered after {@code last_seq} from
 * the journal, in order, then continues live. Live notifications wait while the replay runs and
 * those it already sent are dropped, so each arrives once. Numbers this connection already got
 * live (a resume sent late) are skipped. A gap the journal no longer covers is answered with
 * {@code resync_required}: what to reload, and the number live delivery continues after.
 */
@ApplicationScoped
public class ResumeHandler implements ClientMessageHandler {
    private final NotificationJournal journal;
    private final NotificationDelivery delivery;
    private final MessageSender sender;
    private final LiveMetrics metrics;
    private final int batch;

    ResumeHandler(NotificationJournal journal, NotificationDelivery delivery, MessageSender sender, LiveMetrics metrics,
            LiveChannelConfig config) {
        this.journal = journal;
        this.delivery = delivery;
        this.sender = sender;
        this.metrics = metrics;
        this.batch = Math.max(1, config.journal().replayBatch());
    }

    @Override
    public ClientMessageType type() {
        return ClientMessageType.RESUME;
    }

    /** Numbers this connection already got live before the resume: [from, to], or none when from is 0. */
    private record AlreadySent(long from, long to) {
        boolean covers(long seq) {
            return from > 0 && seq >= from && seq <= to;
        }
    }

    /** How a replay is going: the next number expected and how many were sent. */
    private static final class Progress {
        long next;
        int sent;

        Progress(long next) {
            this.next = next;
        }
    }

    @Override
    public Uni<Void> handle(LiveConnection connection, ClientFrame frame, String requestId) {
        Long lastSeq = ((Resume) frame.payload()).lastSeq();
        if (lastSeq == null || lastSeq < 0) {
            return onLoop(connection, () -> {
                connection.delivery().replaying(false);
                return null;
            }).invoke(() -> delivery.release(connection))
                    .chain(() -> Uni.createFrom().failure(new SlideoException(ErrorCode.INVALID_FIELD,
                            "Field 'last_seq' is required: the seq of the last notification received (0 for none)")));
        }
        return onLoop(connection, () -> {
            DeliveryState state = connection.delivery();
            state.catchUp();
            state.holding(true);
            state.replaying(true);
            return new AlreadySent(state.firstLiveSeq(), state.lastSeq());
        }).chain(sent -> replay(connection, requestId, lastSeq, sent, new Progress(lastSeq + 1)))
                .onTermination().call(() -> onLoop(connection, () -> {
                    connection.delivery().replaying(false);
                    return null;
                }).invoke(() -> delivery.release(connection)));
    }

    private Uni<Void> replay(LiveConnection connection, String requestId, long lastSeq, AlreadySent sent,
            Progress progress) {
        return journal.from(connection.userId(), progress.next, batch)
                .emitOn(loopOf(connection))
                .chain(slice -> {
                    boolean firstBatch = progress.next == lastSeq + 1;
                    if (firstBatch && lastSeq > slice.latest()) {
                        return resync(connection, requestId, lastSeq, slice.latest() + 1, slice.latest(),
                                "This server's notification numbers end at " + slice.latest() + " (its journal was reset)");
                    }
                    if (firstBatch) {
                        // The client has everything up to lastSeq: a late live copy of one of those is not sent again.
                        connection.delivery().skipTo(lastSeq);
                    }
                    if (firstBatch && lastSeq == slice.latest()) {
                        metrics.resumed("current");
                        return Uni.createFrom().voidItem();
                    }
                    return send(connection, requestId, lastSeq, sent, progress, slice);
                });
    }

    private Uni<Void> send(LiveConnection connection, String requestId, long lastSeq, AlreadySent sent,
            Progress progress, Slice slice) {
        Uni<Void> written = Uni.createFrom().voidItem();
        for (JournalEntry entry : slice.entries()) {
            if (entry.seq() != progress.next) {
                long from = progress.next - 1;
                return written.chain(() -> resync(connection, requestId, from, entry.seq(), slice.latest(),
                        "Notifications " + (from + 1) + " to " + (entry.seq() - 1) + " are older than the server keeps"));
            }
            progress.next++;
            if (!sent.covers(entry.seq())) {
                written = delivery.replay(connection, entry);
                progress.sent++;
            }
        }
        if (slice.entries().size() == batch) {
            // The last write completing means the socket took the whole batch: the next one waits for it.
            return written.chain(() -> replay(connection, requestId, lastSeq, sent, progress));
        }
        if (progress.next <= slice.latest() && slice.entries().isEmpty()) {
            long from = progress.next - 1;
            return resync(connection, requestId, from, slice.latest() + 1, slice.latest(),
                    "Notifications after " + from + " are older than the server keeps");
        }
        metrics.resumed("replayed");
        metrics.replayed(progress.sent);
        Log.debugf("Replayed %d notification(s) after %d to connection %s of user %s", progress.sent, lastSeq,
                connection.id(), connection.userId());
        return written;
    }

    private Uni<Void> resync(LiveConnection connection, String requestId, long lastSeq, long oldest, long latest,
            String why) {
        metrics.resumed("resync");
        Log.infof("Resume of user %s after %d needs a resync (journal keeps %d..%d)", connection.userId(), lastSeq,
                oldest, latest);
        connection.delivery().skipTo(latest);
        return sender.reply(connection, requestId, new ResyncRequired(lastSeq, oldest, latest,
                why + "; reload what you show, then carry on from " + latest, NotificationDelivery.RELOAD));
    }

    private static <T> Uni<T> onLoop(LiveConnection connection, Supplier<T> work) {
        return Uni.createFrom().<T>item(() -> null).emitOn(loopOf(connection)).map(ignored -> work.get());
    }

    private static Executor loopOf(LiveConnection connection) {
        return task -> connection.context().runOnContext(ignored -> task.run());
    }
}
