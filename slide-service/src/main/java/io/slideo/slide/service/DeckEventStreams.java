package io.slideo.slide.service;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.logging.Log;
import io.slideo.model.error.SlideoException;
import io.slideo.model.event.EventCodec;
import io.slideo.slide.config.SlideConfig;
import io.slideo.slide.domain.JsonColumns;
import io.slideo.slide.service.DeckEventHub.Follower;
import io.slideo.slide.service.DeckEventReplay.Replay;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A deck's progress as server-sent events, for its owner: what already happened in the current run
 * (from the user's notification journal), then every notification as it is journaled, until the deck
 * is complete or the run failed. Each event is named after its WebSocket message type, carries the
 * same body ({@code type, request_id, deck_id, data}) and has the journal's number as its id, so a
 * client reconnecting with Last-Event-ID gets exactly the events after it.
 */
@ApplicationScoped
public class DeckEventStreams {
    private static final ObjectMapper JSON = EventCodec.newMapper();
    // Clocks of two instances differ a little; a replay looks back this much further.
    private static final Duration SKEW = Duration.ofSeconds(2);
    private static final String DECK = """
            select d.status, g.id as generation_id, g.status as generation_status, g.created_at as generation_at,
                   g.slide_indexes
            from deck d left join lateral (
                select id, status, created_at, slide_indexes from generation where deck_id = d.id
                order by created_at desc limit 1) g on true
            where d.id = $1 and d.user_id = $2""";
    private static final String REQUEST = "select request_id, created_at from deck_request where deck_id = $1 and user_id = $2";

    private final Pool pool;
    private final DeckEventHub hub;
    private final DeckEventReplay replays;
    private final Vertx vertx;
    private final SlideConfig config;

    DeckEventStreams(Pool pool, DeckEventHub hub, DeckEventReplay replays, Vertx vertx, SlideConfig config) {
        this.pool = pool;
        this.hub = hub;
        this.replays = replays;
        this.vertx = vertx;
        this.config = config;
    }

    /**
     * Blocking (a worker thread): NOT_FOUND before anything is sent if the deck is not the user's.
     * {@code lastEventId} is the client's Last-Event-ID (null for a new stream).
     */
    public void open(String userId, UUID deckId, Long lastEventId, SseEventSink sink, Sse sse) {
        RowSet<Row> deckRows = pool.preparedQuery(DECK).execute(Tuple.of(deckId, userId)).await()
                .atMost(Duration.ofSeconds(10));
        RowSet<Row> requestRows = pool.preparedQuery(REQUEST).execute(Tuple.of(deckId, userId)).await()
                .atMost(Duration.ofSeconds(10));
        Row deck = deckRows.size() == 0 ? null : deckRows.iterator().next();
        Row request = requestRows.size() == 0 ? null : requestRows.iterator().next();
        if (deck == null && request == null) {
            throw SlideoException.notFound("Deck", deckId);
        }
        String requestId = request == null ? null : request.getString("request_id");
        Predicate<DeckEvent> concerns = event -> deckId.toString().equals(event.deckId())
                || (requestId != null && requestId.equals(event.requestId()));
        Replay replay = lastEventId != null ? replays.after(userId, lastEventId, concerns)
                : replays.since(userId, runStart(deck, request).minus(SKEW).toEpochMilli(), concerns);
        Stream stream = new Stream(deckId.toString(), sink, sse);
        stream.follower = hub.follow(userId, replay.position(), entry -> {
            DeckEvent event = DeckEvent.of(entry);
            if (concerns.test(event)) {
                stream.live(event);
            }
        });
        Log.infof("Event stream of deck %s opened for user %s (%d missed events replayed, following after %d)",
                deckId, userId, replay.events().size(), replay.position());
        stream.send(opening(deckId.toString(), deck));
        List<DeckEvent> missed = new ArrayList<>(replay.events());
        if (deck != null && "COMPLETE".equals(deck.getString("status"))) {
            missed.add(finished(deckId.toString(), deck));
        }
        stream.replay(missed);
        if (!stream.closed) {
            stream.timers(config.events().heartbeat(), config.events().maxDuration());
        }
    }

    /** A one-shot deck's own run replays from the request (its plan); a later run from its start. */
    private static Instant runStart(Row deck, Row request) {
        Instant since = request == null ? Instant.now() : instant(request.getOffsetDateTime("created_at"));
        if (deck != null && deck.getUUID("generation_id") != null) {
            Instant generationAt = instant(deck.getOffsetDateTime("generation_at"));
            if (request == null || generationAt.isAfter(since.plus(Duration.ofMinutes(10)))) {
                since = generationAt;
            }
        }
        return since;
    }

    private static DeckEvent opening(String deckId, Row deck) {
        ObjectNode data = JSON.createObjectNode().put("deck_id", deckId)
                .put("status", deck == null ? "planning" : deck.getString("status").toLowerCase());
        return new DeckEvent(0, "deck_status", null, deckId, data);
    }

    private static DeckEvent finished(String deckId, Row deck) {
        ObjectNode data = JSON.createObjectNode().put("deck_id", deckId);
        if (deck.getUUID("generation_id") != null) {
            data.put("generation_id", deck.getUUID("generation_id").toString());
            data.put("slide_count", JsonColumns.readIntList(deck.getString("slide_indexes")).size());
        }
        return new DeckEvent(0, "deck_complete", null, deckId, data);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? Instant.now() : time.toInstant();
    }

    /**
     * One open stream: live events wait while the missed ones are sent, then flow; a journaled event
     * is sent once (numbers only go up).
     */
    private final class Stream {
        private final String deckId;
        private final SseEventSink sink;
        private final Sse sse;
        private final List<DeckEvent> waiting = new ArrayList<>();
        private long lastSeq;
        private volatile Follower follower;
        private boolean replaying = true;
        private volatile boolean closed;
        private long heartbeat = -1;
        private long deadline = -1;

        Stream(String deckId, SseEventSink sink, Sse sse) {
            this.deckId = deckId;
            this.sink = sink;
            this.sse = sse;
        }

        synchronized void live(DeckEvent event) {
            if (replaying) {
                waiting.add(event);
            } else {
                deliver(event);
            }
        }

        synchronized void replay(List<DeckEvent> missed) {
            missed.forEach(this::deliver);
            waiting.forEach(this::deliver);
            waiting.clear();
            replaying = false;
        }

        void timers(Duration every, Duration atMost) {
            heartbeat = vertx.setPeriodic(every.toMillis(), id -> {
                if (sink.isClosed()) {
                    close();
                } else {
                    sink.send(sse.newEventBuilder().comment("keep-alive").build());
                }
            });
            deadline = vertx.setTimer(atMost.toMillis(), id -> close());
        }

        private void deliver(DeckEvent event) {
            if (closed || (event.numbered() && event.seq() <= lastSeq)) {
                return;
            }
            if (event.numbered()) {
                lastSeq = event.seq();
            }
            send(event);
            if (event.ends() && deckId.equals(event.deckId() == null ? deckId : event.deckId())) {
                close();
            }
        }

        void send(DeckEvent event) {
            if (sink.isClosed()) {
                close();
                return;
            }
            ObjectNode body = JSON.createObjectNode().put("type", event.type()).put("request_id", event.requestId())
                    .put("deck_id", event.deckId());
            body.set("data", event.data());
            try {
                OutboundSseEvent.Builder builder = sse.newEventBuilder().name(event.type())
                        .mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class, JSON.writeValueAsString(body));
                // A state read from the tables has no number: the client's Last-Event-ID stays the journal's.
                OutboundSseEvent outbound = (event.numbered() ? builder.id(Long.toString(event.seq())) : builder).build();
                sink.send(outbound).exceptionally(failure -> {
                    close();
                    return null;
                });
            } catch (JsonProcessingException e) {
                Log.warnf("Event %s of deck %s could not be written: %s", event.type(), deckId, e.getMessage());
            }
        }

        void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (follower != null) {
                hub.unfollow(follower);
            }
            if (heartbeat >= 0) {
                vertx.cancelTimer(heartbeat);
            }
            if (deadline >= 0) {
                vertx.cancelTimer(deadline);
            }
            if (!sink.isClosed()) {
                sink.close();
            }
            Log.debugf("Event stream of deck %s closed", deckId);
        }
    }
}
