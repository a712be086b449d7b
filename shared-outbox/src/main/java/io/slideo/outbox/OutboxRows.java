package io.slideo.outbox;

import io.slideo.model.event.EventCodec;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Notification;
import io.slideo.model.event.Topic;
import io.slideo.model.ws.ServerPayload;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Outbox rows written with plain SQL, for code that runs outside a Hibernate session (a timer, a
 * worker thread): the same row {@link Outbox} persists, in the caller's transaction.
 */
public final class OutboxRows {
    private static final String INSERT = """
            insert into outbox_event (id, topic, message_key, payload, created_at, traceparent, tracestate)
            values ($1, $2, $3, $4, now(), $5, $6)""";

    private OutboxRows() {
    }

    /** Tells a user something over their open connections; keyed by user id. */
    public static Uni<Void> notifyUser(SqlClient client, String userId, String requestId, ServerPayload message) {
        return publish(client, Topic.NOTIFICATION, userId, userId, Notification.of(userId, requestId, message));
    }

    /** An event for {@code topic}, keyed by its aggregate, carrying the caller's trace as {@link Outbox} does. */
    public static Uni<Void> publish(SqlClient client, Topic topic, String aggregateId, String userId, Object payload) {
        EventEnvelope envelope = EventEnvelope.of(topic, aggregateId, userId, payload);
        TraceContext trace = TraceContext.current();
        return client.preparedQuery(INSERT).execute(Tuple.tuple(java.util.List.of(envelope.eventId(), topic.topicName(),
                aggregateId, EventCodec.encode(envelope))).addString(trace.traceparent()).addString(trace.tracestate()))
                .replaceWithVoid();
    }
}
