package io.slideo.websocket.service;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.quarkus.logging.Log;
import io.slideo.model.ws.ResyncRequired;
import io.slideo.runtime.notification.JournalEntry;
import io.slideo.runtime.notification.NotificationJournal;
import io.slideo.websocket.config.LiveChannelConfig;
import io.slideo.websocket.domain.DeliveryState;
import io.slideo.websocket.domain.LiveConnection;
import io.smallrye.mutiny.Uni;

/**
 * Writes journaled notifications to one socket, in their order and each once, without letting a
 * slow reader hold anyone up. Everything here runs on the connection's own event loop
 * ({@link #offer} hops there), so the connection's {@link DeliveryState} needs no locks and the
 * writes leave in the order they were made.
 *
 * <p>While a connection holds (just opened, or replaying a resume) live notifications wait; when
 * it stops holding they go out, minus any the replay already sent. A socket with more than
 * {@code max-queued-messages} writes in flight stops getting notifications; once it has drained it
 * is told {@code resync_required} with its last number, and gets nothing live until it resumes.
 *
 * <p>Live delivery can miss notifications (Redis away, Kafka restarted): a connection offered a
 * number past the next one, or asked to {@link #catchUp}, is first sent what it missed from the journal.
 */
@ApplicationScoped
public class NotificationDelivery {
    /** What a client reloads when the journal no longer has what it missed. */
    static final List<String> RELOAD = List.of("GET /api/v1/documents", "GET /api/v1/plans", "GET /api/v1/decks",
            "POST /graphql { decks { id title status slides { index currentVersion title } } }");

    private final NotificationJournal journal;
    private final MessageSender sender;
    private final LiveMetrics metrics;
    private final MessageSpans spans;
    private final int maxQueued;

    NotificationDelivery(NotificationJournal journal, MessageSender sender, LiveMetrics metrics,
            LiveChannelConfig config, MessageSpans spans) {
        this.journal = journal;
        this.spans = spans;
        this.sender = sender;
        this.metrics = metrics;
        this.maxQueued = config.maxQueuedMessages();
    }

    /** From any thread: a journaled notification for this connection's user, sent under {@code cause}'s trace. */
    public void offer(LiveConnection connection, JournalEntry entry, Context cause) {
        Span span = spans.delivery(connection, entry, cause);
        connection.context().runOnContext(ignored -> deliverLive(connection, entry, span));
    }

    /** From any thread: the connection stops holding (its first message was not a resume, or the window passed). */
    public void release(LiveConnection connection) {
        connection.context().runOnContext(ignored -> releaseHeld(connection));
    }

    /** On the connection's event loop: the first message came; a resume keeps notifications waiting for its replay. */
    void firstMessage(LiveConnection connection, boolean resume) {
        connection.context().runOnContext(ignored -> {
            if (resume) {
                connection.delivery().replaying(true);
            } else if (!connection.delivery().replaying()) {
                releaseHeld(connection);
            }
        });
    }

    /** The window after the upgrade passed without a resume. */
    void windowPassed(LiveConnection connection) {
        if (!connection.delivery().replaying()) {
            releaseHeld(connection);
        }
    }

    private void deliverLive(LiveConnection connection, JournalEntry entry, Span span) {
        if (!connection.isOpen()) {
            MessageSpans.delivered(span, "closed");
            return;
        }
        DeliveryState state = connection.delivery();
        if (state.behind()) {
            metrics.dropped("behind");
            MessageSpans.delivered(span, "dropped_behind");
            return;
        }
        if (state.holding()) {
            if (state.held().size() >= maxQueued) {
                state.fallBehind();
                metrics.dropped("held_overflow");
                MessageSpans.delivered(span, "dropped_held_overflow");
            } else {
                state.held().add(entry);
                MessageSpans.delivered(span, "held");
            }
            return;
        }
        if (entry.seq() <= state.lastSeq()) {
            MessageSpans.delivered(span, "sent_before");
            return;
        }
        if (state.lastSeq() > 0 && entry.seq() > state.lastSeq() + 1) {
            state.held().add(entry);
            MessageSpans.delivered(span, "held_for_gap");
            fillGap(connection, entry.seq());
            return;
        }
        if (state.pending() >= maxQueued) {
            Log.infof("Connection %s of user %s is %d messages behind; told to resync", connection.id(),
                    connection.userId(), state.pending());
            state.fallBehind();
            metrics.dropped("slow_client");
            MessageSpans.delivered(span, "dropped_slow_client");
            return;
        }
        state.sentLive(entry.seq());
        write(connection, entry, true).whenComplete((written, failure) -> MessageSpans.delivered(span,
                Boolean.TRUE.equals(written) ? "sent" : "not_written"));
    }

    /** From any thread: sends the connection what its user's journal has past the last number it got. */
    public void catchUp(LiveConnection connection) {
        connection.context().runOnContext(ignored -> {
            DeliveryState state = connection.delivery();
            if (connection.isOpen() && !state.holding() && !state.behind() && state.lastSeq() > 0) {
                fillGap(connection, Long.MAX_VALUE);
            }
        });
    }

    /** On the loop: holds live notifications, sends the journal's entries after lastSeq and below {@code upTo}, releases. */
    private void fillGap(LiveConnection connection, long upTo) {
        DeliveryState state = connection.delivery();
        state.holding(true);
        state.replaying(true);
        long from = state.lastSeq() + 1;
        int count = (int) Math.min(maxQueued, upTo - from);
        journal.from(connection.userId(), from, count).subscribe().with(
                slice -> connection.context().runOnContext(ignored -> {
                    int filled = 0;
                    boolean whole = true;
                    for (JournalEntry missed : slice.entries()) {
                        if (missed.seq() >= upTo || !connection.isOpen()) {
                            break;
                        }
                        if (missed.seq() != state.lastSeq() + 1) {
                            whole = false; // older than the journal keeps: the client must reload
                            break;
                        }
                        replay(connection, missed);
                        filled++;
                    }
                    metrics.gapFilled(filled);
                    state.replaying(false);
                    boolean missing = upTo != Long.MAX_VALUE && state.lastSeq() < upTo - 1;
                    if (missing && filled == 0) {
                        whole = false; // nothing below a known number: never ask again for the same
                    }
                    if (!whole) {
                        state.held().clear();
                        state.fallBehind();
                    } else if (filled > 0 && connection.isOpen()
                            && (missing || upTo == Long.MAX_VALUE && slice.entries().size() == count)) {
                        fillGap(connection, upTo); // more to send before what waits (or a full batch of a catch-up)
                        return;
                    }
                    releaseHeld(connection);
                }),
                // Redis away: live notifications keep waiting (bounded by max-queued-messages), and it tries again.
                failure -> connection.context().owner().setTimer(1_000, timer -> connection.context().runOnContext(
                        ignored -> {
                            if (!connection.isOpen()) {
                                return;
                            }
                            if (state.behind()) { // what waited overflowed: the client is told to resume instead
                                state.replaying(false);
                                state.held().clear();
                                releaseHeld(connection);
                            } else {
                                fillGap(connection, upTo);
                            }
                        })));
    }

    private void releaseHeld(LiveConnection connection) {
        DeliveryState state = connection.delivery();
        if (!state.holding()) {
            return;
        }
        state.holding(false);
        // What waited is contiguous and older than anything dropped meanwhile, so it goes out, unless it
        // starts past the next number (numbers live delivery missed): those are read first.
        JournalEntry entry;
        while ((entry = state.held().poll()) != null) {
            if (entry.seq() > state.lastSeq() && connection.isOpen()) {
                if (state.lastSeq() > 0 && entry.seq() > state.lastSeq() + 1 && !state.behind()) {
                    state.held().addFirst(entry);
                    fillGap(connection, entry.seq());
                    return;
                }
                state.sentLive(entry.seq());
                write(connection, entry, true);
            }
        }
        if (state.behind()) {
            noticeIfDrained(connection);
        }
    }

    /** On the connection's event loop: writes one replayed notification now; the answer completes when the socket took it. */
    Uni<Void> replay(LiveConnection connection, JournalEntry entry) {
        connection.delivery().sentReplayed(entry.seq());
        return Uni.createFrom().completionStage(write(connection, entry, false)).replaceWithVoid();
    }

    /** Completes with whether the socket took the message. */
    private CompletableFuture<Boolean> write(LiveConnection connection, JournalEntry entry, boolean live) {
        DeliveryState state = connection.delivery();
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        state.writeStarted();
        // The socket answers on its own event loop, where the delivery state lives.
        connection.send(render(entry, connection.clientId()), written -> {
            state.writeEnded();
            if (written.succeeded()) {
                metrics.sent(entry.type());
                if (live) {
                    metrics.deliveredAfter(System.currentTimeMillis() - entry.occurredAtMillis());
                }
            }
            if (state.behind()) {
                noticeIfDrained(connection);
            }
            done.complete(written.succeeded());
        });
        return done;
    }

    /** Tells a connection that fell behind to resume, once its socket has room again. */
    private void noticeIfDrained(LiveConnection connection) {
        DeliveryState state = connection.delivery();
        if (state.resyncSent() || state.replaying() || state.holding() || state.pending() > maxQueued / 2
                || !connection.isOpen()) {
            return;
        }
        state.resyncSent(true);
        long lastSeq = state.lastSeq();
        journal.bounds(connection.userId()).subscribe().with(
                bounds -> sender.reply(connection, null, new ResyncRequired(lastSeq, bounds.oldest(), bounds.latest(),
                        "Notifications after " + lastSeq + " were not sent because this connection fell behind; "
                                + "send resume with last_seq " + lastSeq + " to get them",
                        List.of())).subscribe().with(ignored -> {
                        }),
                failure -> {
                    Log.warnf("Could not read the journal bounds of user %s, trying again: %s", connection.userId(),
                            failure.toString());
                                connection.context().owner().setTimer(1_000, timer -> connection.context().runOnContext(ignored -> {
                        state.resyncSent(false);
                        noticeIfDrained(connection);
                    }));
                });
    }

    /** The message a notification becomes, in the one envelope; {@code data} is written as journaled. */
    static String render(JournalEntry entry, String clientId) {
        StringBuilder text = new StringBuilder(128 + entry.data().length());
        text.append("{\"id\":");
        quote(text, entry.eventId());
        text.append(",\"type\":");
        quote(text, entry.type());
        text.append(",\"timestamp\":\"").append(Instant.ofEpochMilli(entry.occurredAtMillis())).append('"');
        text.append(",\"client_id\":");
        quote(text, clientId);
        text.append(",\"request_id\":");
        quote(text, entry.requestId());
        text.append(",\"seq\":").append(entry.seq());
        text.append(",\"data\":").append(entry.data()).append('}');
        return text.toString();
    }

    private static void quote(StringBuilder text, String value) {
        if (value == null) {
            text.append("null");
            return;
        }
        text.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, text);
        text.append('"');
    }
}
