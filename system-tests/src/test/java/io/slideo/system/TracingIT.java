package io.slideo.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.restassured.http.ContentType;
import io.slideo.system.SpanReceiver.ReceivedSpan;
import io.slideo.testing.RepositoryPaths;
import io.slideo.testing.TestTokens;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A deck's whole life is one trace: the test starts it (its own traceparent on the request), the
 * suite continues it through every HTTP call and every Kafka record, outbox included, and through the
 * worker's steps and slides, and exports it to the receiver in this JVM. Over the live channel, each
 * client message starts the trace of what it asks for, down to each notification written back to its
 * socket. Needs the suite as ./slideo test starts it (traces sent to {@link SpanReceiver#PORT}).
 */
class TracingIT {
    private static final Set<String> EVERY_SERVICE = Set.of("gateway-service", "document-service", "content-service",
            "slide-service", "worker-service", "websocket-service");
    private static final int SLIDES = 4;
    /** Services batch their spans for 5 seconds before export; a trace is whole when nothing new came for longer. */
    private static final Duration QUIET = Duration.ofSeconds(7);
    private static SpanReceiver receiver;

    @BeforeAll
    static void receiveTheSuitesSpans() throws Exception {
        TestTokens.useSuiteSecret();
        receiver = SpanReceiver.start();
    }

    @AfterAll
    static void stopReceiving() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void aDeckFromUploadToItsLastSlideIsOneTraceAcrossEveryServiceAndEveryKafkaHop() {
        String token = TestTokens.valid(TestTokens.newUser());
        String uploadTrace = newTraceId();
        String documentId = Suite.as(token).header("traceparent", traceparent(uploadTrace))
                .multiPart("file", RepositoryPaths.corpusFile("article-heading-levels.docx").toFile())
                .post("/api/v1/documents").then().statusCode(201).extract().path("id");
        await().atMost(Suite.EXTRACTION_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> "extracted".equals(
                Suite.as(token).get("/api/v1/documents/" + documentId).then().extract().path("status")));

        String deckTrace = newTraceId();
        String deckId = Suite.as(token).header("traceparent", traceparent(deckTrace)).contentType(ContentType.JSON)
                .body(Map.of("documentIds", List.of(documentId), "description", "A briefing", "slideCount", SLIDES))
                .post("/api/v1/decks").then().statusCode(202).extract().path("deckId");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> "complete".equals(
                Suite.as(token).get("/api/v1/decks/" + deckId).then().extract().path("status")));

        List<ReceivedSpan> upload = settled(uploadTrace);
        List<ReceivedSpan> deck = settled(deckTrace);
        System.out.println("The upload of document " + documentId + ", trace " + uploadTrace + ":");
        System.out.print(tree(upload));
        System.out.println("Deck " + deckId + " in one go, trace " + deckTrace + ":");
        System.out.print(tree(deck));

        assertEquals(EVERY_SERVICE, servicesOf(deck), "the services the deck's trace crosses");
        assertTrue(servicesOf(upload).containsAll(Set.of("gateway-service", "document-service", "worker-service")),
                "the upload's trace reaches the worker through the outbox: " + servicesOf(upload));
        assertHttpHopsLinked(deck);
        assertHttpHopsLinked(upload);
        assertKafkaHopsLinked(deck, Set.of("content-service", "worker-service", "slide-service", "websocket-service"));
        assertEquals(SLIDES, deck.stream().filter(s -> s.name().equals("slide.generated.v1 publish")).count(),
                "each slide's record, sent by a slide writer thread, belongs to the deck's trace");
        assertKafkaHopsLinked(upload, Set.of("worker-service"));
        assertWorkerSteps(deck, List.of("plan gather_context", "plan outline", "plan publish",
                "generation gather_context", "generation write_slides", "generation finish"));
        assertModelCallsCarryTokens(deck);
    }

    @Test
    void aMessageOverTheLiveChannelStartsTheTraceOfWhatItAsksForUpToEachNotificationItsSocketIsSent()
            throws Exception {
        String token = TestTokens.valid(TestTokens.newUser());
        String planning;
        String generation;
        try (LiveSocket live = LiveSocket.open(token)) {
            String documentId = Suite.upload(token, "article-heading-levels.docx").statusCode(201).extract().path("id");
            live.awaitOne(LiveSocket.fileProcessed(documentId), Suite.EXTRACTION_TIMEOUT);
            planning = live.send("content_planning", new JsonObject().put("document_ids", new JsonArray().add(documentId))
                    .put("description", "A briefing").put("slide_count", SLIDES));
            String deckId = live.reply("plan_response", planning, Duration.ofSeconds(60)).getJsonObject("data")
                    .getString("deck_id");
            generation = live.send("slide_generation", new JsonObject().put("deck_id", deckId));
            live.reply("deck_complete", generation, Duration.ofSeconds(120));
        }

        List<ReceivedSpan> plan = settled(messageSpan("content_planning", planning).traceId());
        ReceivedSpan message = messageSpan("slide_generation", generation);
        List<ReceivedSpan> deck = settled(message.traceId());
        System.out.println("Plan asked over the live channel, message " + planning + ":");
        System.out.print(tree(plan));
        System.out.println("Its slides asked over the live channel, message " + generation + ":");
        System.out.print(tree(deck));

        assertNull(message.parentId(), "a client message starts a trace of its own");
        assertTrue(deck.stream().anyMatch(s -> s.kind() == SpanKind.SPAN_KIND_CLIENT
                && message.spanId().equals(s.parentId())), "the REST call the message makes is its child");
        assertTrue(servicesOf(deck).containsAll(Set.of("websocket-service", "slide-service", "worker-service")),
                "the message's trace follows the deck: " + servicesOf(deck));
        assertHttpHopsLinked(deck);
        assertKafkaHopsLinked(deck, Set.of("worker-service", "slide-service", "websocket-service"));
        assertWorkerSteps(plan, List.of("plan gather_context", "plan outline", "plan publish"));
        assertWorkerSteps(deck, List.of("generation gather_context", "generation write_slides", "generation finish"));
        List<ReceivedSpan> delivered = deck.stream().filter(s -> s.name().equals("ws deliver slide_complete")).toList();
        assertEquals(SLIDES, delivered.size(), "each slide_complete written to the socket is a span of the trace");
        assertTrue(delivered.stream().allMatch(s -> "sent".equals(s.attribute("slideo.ws.outcome"))),
                "each was sent: " + delivered.stream().map(s -> s.attribute("slideo.ws.outcome")).toList());
        assertFalse(plan.stream().noneMatch(s -> s.name().equals("ws deliver plan_response")),
                "the plan's answer written to the socket is in the plan's trace");
    }

    /** Each step ran as a worker span, and each slide was written under the writing step. */
    private static void assertWorkerSteps(List<ReceivedSpan> trace, List<String> steps) {
        Set<String> names = trace.stream().filter(s -> s.service().equals("worker-service")).map(ReceivedSpan::name)
                .collect(Collectors.toSet());
        assertTrue(names.containsAll(steps), "the worker's steps " + steps + " among " + names);
        if (steps.contains("generation write_slides")) {
            Set<String> writing = trace.stream().filter(s -> s.name().equals("generation write_slides"))
                    .map(ReceivedSpan::spanId).collect(Collectors.toSet());
            List<ReceivedSpan> slides = trace.stream().filter(s -> s.name().equals("write slide")).toList();
            assertEquals(SLIDES, slides.size(), "one span per slide written: " + slides.stream()
                    .map(s -> "slide " + s.attribute("slideo.slide.index") + " span " + s.spanId() + " under " + s.parentId())
                    .toList());
            assertTrue(slides.stream().allMatch(s -> writing.contains(s.parentId())), "slides are written in the step");
        }
    }

    /** The suite runs offline unless a model is configured; any model call there is must say what it spent. */
    private static void assertModelCallsCarryTokens(List<ReceivedSpan> trace) {
        for (ReceivedSpan call : trace.stream().filter(s -> s.attribute("gen_ai.request.model") != null).toList()) {
            assertTrue(call.attribute("gen_ai.usage.input_tokens") != null || call.attribute("error.type") != null,
                    call.name() + " carries its tokens: " + call.attributes());
        }
    }

    /** The span of the client message {@code id} of this type, once websocket-service exported it. */
    private static ReceivedSpan messageSpan(String type, String id) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> receiver.matching(s -> s.name().equals("ws " + type)
                        && id.equals(s.attribute("slideo.ws.message_id"))), found -> !found.isEmpty()).get(0);
    }

    /** Every request a service served in the trace was sent by a client span of the trace (the gateway's by the test). */
    private static void assertHttpHopsLinked(List<ReceivedSpan> trace) {
        Map<String, ReceivedSpan> byId = trace.stream().collect(Collectors.toMap(ReceivedSpan::spanId, Function.identity(),
                (a, b) -> a));
        for (ReceivedSpan server : trace) {
            if (server.kind() != SpanKind.SPAN_KIND_SERVER || server.service().equals("gateway-service")) {
                continue;
            }
            ReceivedSpan client = byId.get(server.parentId());
            assertTrue(client != null && client.kind() == SpanKind.SPAN_KIND_CLIENT,
                    server.service() + " " + server.name() + " continues the client span that called it");
        }
    }

    /** Every record consumed in the trace hangs from the producer span that sent it, in another service. */
    private static void assertKafkaHopsLinked(List<ReceivedSpan> trace, Set<String> mustConsume) {
        Map<String, ReceivedSpan> byId = trace.stream().collect(Collectors.toMap(ReceivedSpan::spanId, Function.identity(),
                (a, b) -> a));
        List<ReceivedSpan> consumed = trace.stream().filter(s -> s.kind() == SpanKind.SPAN_KIND_CONSUMER).toList();
        assertFalse(consumed.isEmpty(), "records were consumed in the trace");
        for (ReceivedSpan consumer : consumed) {
            ReceivedSpan producer = byId.get(consumer.parentId());
            assertTrue(producer != null && producer.kind() == SpanKind.SPAN_KIND_PRODUCER,
                    consumer.service() + " " + consumer.name() + " continues a producer span of the trace");
        }
        Set<String> consumers = consumed.stream().map(ReceivedSpan::service).collect(Collectors.toSet());
        assertTrue(consumers.containsAll(mustConsume), "services that consumed a record of the trace: " + consumers);
    }

    /** The trace's spans once the exporters have had their say (nothing new for {@link #QUIET}). */
    private static List<ReceivedSpan> settled(String traceId) {
        int[] seen = { -1 };
        long[] changed = { System.nanoTime() };
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            int now = receiver.ofTrace(traceId).size();
            if (now != seen[0]) {
                seen[0] = now;
                changed[0] = System.nanoTime();
            }
            return now > 0 && System.nanoTime() - changed[0] > QUIET.toNanos();
        });
        return receiver.ofTrace(traceId);
    }

    private static Set<String> servicesOf(List<ReceivedSpan> trace) {
        return trace.stream().map(ReceivedSpan::service).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Service, span name, kind and duration, each span under its parent, siblings by start time. */
    static String tree(List<ReceivedSpan> trace) {
        Set<String> ids = trace.stream().map(ReceivedSpan::spanId).collect(Collectors.toSet());
        StringBuilder out = new StringBuilder();
        trace.stream().filter(s -> s.parentId() == null || !ids.contains(s.parentId()))
                .sorted(Comparator.comparingLong(ReceivedSpan::startNanos))
                .forEach(root -> print(root, trace, 0, out));
        return out.toString();
    }

    private static void print(ReceivedSpan span, List<ReceivedSpan> trace, int depth, StringBuilder out) {
        out.append(String.format("%s%-18s %-50s %-9s %9.1f ms%n", "  ".repeat(depth), span.service(), span.name(),
                span.kind().name().replace("SPAN_KIND_", ""), span.millis()));
        trace.stream().filter(s -> Objects.equals(s.parentId(), span.spanId()))
                .sorted(Comparator.comparingLong(ReceivedSpan::startNanos))
                .forEach(child -> print(child, trace, depth + 1, out));
    }

    private static String newTraceId() {
        byte[] id = new byte[16];
        ThreadLocalRandom.current().nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    /** The test is the trace's root: a sampled parent span of its own, as a browser's instrumentation would send. */
    private static String traceparent(String traceId) {
        byte[] span = new byte[8];
        ThreadLocalRandom.current().nextBytes(span);
        return "00-" + traceId + "-" + HexFormat.of().formatHex(span) + "-01";
    }
}
