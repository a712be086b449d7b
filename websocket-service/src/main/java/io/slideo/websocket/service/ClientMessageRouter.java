package io.slideo.websocket.service;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;
import io.slideo.model.event.EventCodec;
import io.slideo.model.ws.ClientFrame;
import io.slideo.model.ws.ClientMessageType;
import io.slideo.runtime.ratelimit.RateBudgets;
import io.slideo.runtime.ratelimit.RateVerdict;
import io.slideo.websocket.config.LiveChannelConfig;
import io.slideo.websocket.domain.LiveConnection;
import io.slideo.websocket.repository.SessionStore;
import io.smallrye.mutiny.Uni;

/**
 * Every incoming frame: check the token is still valid, spend one token of the user's budget (the
 * one the gateway's REST calls spend too, in Redis), read the frame, acknowledge it at once, then
 * hand it to the handler of its type. A frame that cannot be read or is over the budget gets an
 * error_response and the socket stays open. Frames are admitted and handled in arrival order per
 * connection, so a theme chosen just before a plan request is the one it uses.
 */
@ApplicationScoped
public class ClientMessageRouter {
    /** Frames longer than this are not read again just to find their id for an error reply. */
    private static final int MAX_TEXT_SCANNED_FOR_ID = 4096;

    private final ObjectMapper mapper = EventCodec.newMapper();
    private final Map<ClientMessageType, ClientMessageHandler> handlers = new EnumMap<>(ClientMessageType.class);
    private final MessageSender sender;
    private final SessionStore sessions;
    private final LiveMetrics metrics;
    private final NotificationDelivery delivery;
    private final ConnectionLifecycle lifecycle;
    private final RateBudgets budgets;
    private final MessageSpans spans;
    private final long touchIntervalMillis;

    ClientMessageRouter(Instance<ClientMessageHandler> handlers, MessageSender sender, SessionStore sessions,
            LiveMetrics metrics, NotificationDelivery delivery, ConnectionLifecycle lifecycle, LiveChannelConfig config,
            MessageSpans spans, RateBudgets budgets) {
        this.sender = sender;
        this.spans = spans;
        this.sessions = sessions;
        this.metrics = metrics;
        this.delivery = delivery;
        this.lifecycle = lifecycle;
        this.budgets = budgets;
        this.touchIntervalMillis = config.sessionTouchInterval().toMillis();
        handlers.forEach(handler -> this.handlers.put(handler.type(), handler));
        for (ClientMessageType type : ClientMessageType.values()) {
            if (!this.handlers.containsKey(type)) {
                throw new IllegalStateException("No handler for client message type " + type.wireName());
            }
        }
    }

    /** On the connection's event loop, for each text message in the order they came. */
    public void onText(LiveConnection connection, String text) {
        if (stillValid(connection)) {
            connection.inArrivalOrder(spend(connection), verdict -> {
                if (verdict.allowed()) {
                    handle(connection, text);
                } else {
                    refuse(connection, text, verdict);
                }
            });
        }
    }

    private void handle(LiveConnection connection, String text) {
        ClientFrame frame;
        try {
            frame = FrameReader.read(text);
        } catch (SlideoException e) {
            metrics.received(LiveMetrics.INVALID);
            Log.debugf("Unreadable frame on connection %s of user %s: %s", connection.id(), connection.userId(),
                    e.code());
            firstMessage(connection, false);
            send(sender.error(connection, idOf(text), e));
            return;
        }
        ClientMessageType type = frame.type();
        metrics.received(type.wireName());
        String requestId = frame.requestId() == null || frame.requestId().isBlank()
                ? MessageSender.newId()
                : frame.requestId();
        connection.clientId(frame.envelope().clientId());
        firstMessage(connection, type == ClientMessageType.RESUME);
        boolean touch = connection.sessionTouchDue(System.currentTimeMillis(), touchIntervalMillis);
        // The ack is on the wire before any handling starts, so it always comes first.
        sender.ack(connection, requestId, type.wireName());
        if (type == ClientMessageType.PING && !touch) {
            // Keep-alive: the ack is the whole answer, and nothing needs to wait in line for it.
            return;
        }
        ClientMessageHandler handler = handlers.get(type);
        connection.enqueue(() -> spans.handled(connection, type, requestId,
                () -> (touch ? renewSession(connection) : Uni.createFrom().voidItem())
                        .chain(() -> handler.handle(connection, frame, requestId)))
                .onFailure().recoverWithUni(failure -> sender.error(connection, requestId,
                        asSlideo(failure, type.wireName()))));
    }

    public void onBinary(LiveConnection connection) {
        if (stillValid(connection)) {
            connection.inArrivalOrder(spend(connection), verdict -> {
                if (!verdict.allowed()) {
                    refuse(connection, "", verdict);
                    return;
                }
                metrics.received(LiveMetrics.BINARY);
                firstMessage(connection, false);
                send(sender.error(connection, MessageSender.newId(), new SlideoException(ErrorCode.INVALID_JSON,
                        "Binary frames are not accepted; send each message as a JSON text frame")));
            });
        }
    }

    /** A pong answers the server's ping: the client is there. */
    public void onPong(LiveConnection connection) {
        connection.active(System.currentTimeMillis());
    }

    /** Counts the frame as activity; false (and the socket closing) when the token has expired. */
    private boolean stillValid(LiveConnection connection) {
        long now = System.currentTimeMillis();
        connection.active(now);
        if (connection.tokenExpired(now)) {
            lifecycle.expire(connection);
            return false;
        }
        return true;
    }

    /** One token of the user's budget; never fails (Redis trouble is decided on local buckets). */
    private CompletionStage<RateVerdict> spend(LiveConnection connection) {
        return budgets.spendUser(connection.userId()).exceptionally(failure -> {
            Log.errorf(failure, "Rate limit of user %s not decided; the message passes", connection.userId());
            return RateVerdict.ALLOWED;
        });
    }

    private void refuse(LiveConnection connection, String text, RateVerdict verdict) {
        metrics.received(LiveMetrics.RATE_LIMITED);
        send(sender.error(connection, idOf(text), new SlideoException(ErrorCode.RATE_LIMITED,
                "Too many messages: your budget is " + budgets.perUser() + " REST calls and WebSocket messages per "
                        + budgets.refillPeriod().toSeconds() + " s, shared by all your connections; this one was not "
                        + "handled, send it again in " + verdict.retryAfterMillis() + " ms")));
    }

    /** Replies never fail (a socket that went away is logged by the sender); this only starts the write. */
    private static void send(Uni<Void> reply) {
        reply.subscribe().with(ignored -> {
        });
    }

    private void firstMessage(LiveConnection connection, boolean resume) {
        if (connection.firstMessage()) {
            delivery.firstMessage(connection, resume);
        }
    }

    private Uni<Void> renewSession(LiveConnection connection) {
        return sessions.touch(connection)
                .onFailure().invoke(failure -> Log.warnf("Session of connection %s not renewed: %s", connection.id(),
                        failure.toString()))
                .onFailure().recoverWithNull();
    }

    private SlideoException asSlideo(Throwable failure, String type) {
        if (failure instanceof SlideoException slideo) {
            return slideo;
        }
        Log.errorf(failure, "Handling %s failed unexpectedly", type);
        return new SlideoException(ErrorCode.INTERNAL, "Something went wrong on our side; try again");
    }

    /** The id of a frame that is JSON but not a valid message, so even its error can be correlated. */
    private String idOf(String text) {
        if (text.length() <= MAX_TEXT_SCANNED_FOR_ID) {
            try {
                JsonNode id = mapper.readTree(text).path("id");
                if (id.isTextual() && !id.asText().isBlank()) {
                    return id.asText();
                }
            } catch (Exception e) {
                // Not JSON at all: nothing to correlate with.
            }
        }
        return MessageSender.newId();
    }
}
