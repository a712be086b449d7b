package io.slideo.websocket.service;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.slideo.model.error.SlideoException;
import io.slideo.model.ws.ClientMessageType;
import io.slideo.runtime.notification.JournalEntry;
import io.slideo.websocket.domain.LiveConnection;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;

/**
 * The live channel's spans. A client message is handled under a span of its own ({@code ws
 * content_planning}), the root of a new trace: a socket lives for hours, so its upgrade request is no
 * parent for what its messages start. The calls the handler makes (REST clients, Redis) are its
 * children. A notification written to a socket is a short span ({@code ws deliver slide_complete})
 * under the record that carried it, from the moment it is offered to the moment the socket took it.
 */
@ApplicationScoped
public class MessageSpans {
    static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("slideo.ws.message_id");
    static final AttributeKey<String> CONNECTION_ID = AttributeKey.stringKey("slideo.ws.connection_id");
    static final AttributeKey<String> USER = AttributeKey.stringKey("enduser.id");
    static final AttributeKey<String> ERROR_CODE = AttributeKey.stringKey("slideo.error.code");
    static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("slideo.ws.request_id");
    static final AttributeKey<Long> SEQ = AttributeKey.longKey("slideo.ws.seq");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("slideo.ws.outcome");

    private final Tracer tracer;

    MessageSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /**
     * Handles one client message under its span: {@code handling} is built and subscribed on a Vert.x
     * context of its own (duplicated from the socket's) that holds the span, so every stage of the
     * chain, on whichever callback it resumes, still has the span as its current one.
     */
    Uni<Void> handled(LiveConnection connection, ClientMessageType type, String messageId,
            Supplier<Uni<Void>> handling) {
        Span span = tracer.spanBuilder("ws " + type.wireName()).setNoParent().setSpanKind(SpanKind.INTERNAL)
                .setAttribute(MESSAGE_ID, messageId).setAttribute(USER, connection.userId())
                .setAttribute(CONNECTION_ID, connection.id()).startSpan();
        io.vertx.core.Context own = VertxContext.createNewDuplicatedContext(connection.context());
        return Uni.createFrom().<Void> emitter(emitter -> own.runOnContext(ignored -> {
            // Left attached: this Vert.x context serves this message alone and is dropped with it.
            Scope attached = Context.root().with(span).makeCurrent();
            Uni<Void> work;
            try {
                work = handling.get();
            } catch (RuntimeException e) {
                work = Uni.createFrom().failure(e);
            }
            work.subscribe().with(emitter::complete, emitter::fail);
        })).onItem().invoke(() -> span.end()).onFailure().invoke(failure -> {
            span.setStatus(StatusCode.ERROR, failure.getMessage());
            if (failure instanceof SlideoException slideo) {
                span.setAttribute(ERROR_CODE, slideo.code().name());
            } else {
                span.recordException(failure);
            }
            span.end();
        });
    }

    /**
     * Starts the span of a notification offered to one socket, under the record that brought it; none
     * (a no-op span) for a record that carried no trace, which would otherwise be a trace of one span.
     */
    Span delivery(LiveConnection connection, JournalEntry entry, Context cause) {
        if (!Span.fromContext(cause).getSpanContext().isValid()) {
            return Span.getInvalid();
        }
        return tracer.spanBuilder("ws deliver " + entry.type()).setParent(cause).setSpanKind(SpanKind.INTERNAL)
                .setAttribute(USER, connection.userId()).setAttribute(CONNECTION_ID, connection.id())
                .setAttribute(REQUEST_ID, entry.requestId() == null ? "" : entry.requestId())
                .setAttribute(SEQ, entry.seq()).startSpan();
    }

    /** Ends a delivery span with what became of the notification: sent, held, dropped, ... */
    static void delivered(Span span, String outcome) {
        span.setAttribute(OUTCOME, outcome);
        span.end();
    }
}
