package io.slideo.content.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.event.EventCodec;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Notification;
import io.slideo.model.event.PlanRequested;
import io.slideo.model.event.Topic;
import io.slideo.model.ws.ErrorResponse;
import io.slideo.model.ws.ServerMessageType;
import io.slideo.outbox.OutboxEvent;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.KafkaTestClient;
import io.slideo.testing.TestTokens;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = io.slideo.content.client.FakeDocumentService.class, restrictToAnnotatedClass = true)
class RefusedPlanEventsTest {
    @Inject
    RefusedPlanEvents refusals;
    @Inject
    Vertx vertx;

    @Test
    void aPlanRequestTheBrokerRefusedIsToldToItsUser() throws Exception {
        String user = TestTokens.newUser();
        String planId = UUID.randomUUID().toString();
        OutboxEvent refused = new OutboxEvent();
        refused.id = UUID.randomUUID();
        refused.topic = Topic.PLAN_REQUESTED.topicName();
        refused.messageKey = planId;
        refused.payload = EventCodec.encode(EventEnvelope.of(Topic.PLAN_REQUESTED, planId, user, new PlanRequested(planId,
                "req-refused", "Review", 5, List.of("doc-1"), "slideo-light", false, null)));
        refused.createdAt = Instant.now();

        onVertxContext(() -> refusals.onFailed(refused, "RecordTooLargeException: The message is 1216044 bytes"));

        List<EventEnvelope> told = KafkaTestClient.await(Topic.NOTIFICATION, e -> user.equals(e.userId()), 1,
                Duration.ofSeconds(20));
        assertEquals(1, told.size());
        Notification notification = told.get(0).payloadAs(Notification.class);
        assertEquals(ServerMessageType.ERROR_RESPONSE, notification.type());
        assertEquals("req-refused", notification.requestId());
        ErrorResponse error = EventCodec.newMapper().treeToValue(notification.data(), ErrorResponse.class);
        assertEquals(ErrorCode.TOO_LARGE, error.code());
        assertTrue(error.message().startsWith("Plan " + planId + " could not be passed on because it is too large"),
                error.message());
    }

    private void onVertxContext(java.util.function.Supplier<io.smallrye.mutiny.Uni<Void>> work) throws Exception {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        CompletableFuture<Void> done = new CompletableFuture<>();
        context.runOnContext(ignored -> work.get().subscribe().with(done::complete, done::completeExceptionally));
        done.get(20, TimeUnit.SECONDS);
    }
}
