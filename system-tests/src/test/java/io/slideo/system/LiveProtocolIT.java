package io.slideo.system;

import static io.slideo.system.LiveSocket.fileProcessed;
import static io.slideo.system.LiveSocket.ofType;
import static io.slideo.system.LiveSocket.replyTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.slideo.testing.RepositoryPaths;
import io.slideo.testing.TestTokens;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The WebSocket protocol through the gateway, as a client sees it: every client message type
 * answered, every error code a client can cause, and bad frames (not JSON, binary garbage, 10 MB,
 * unknown type, missing or wrong-typed fields, another user's deck, a flood) each refused with its
 * error_response or close while the connection, or at least the instance, keeps serving.
 */
class LiveProtocolIT {
    private static final Duration REPLY = Duration.ofSeconds(15);
    private static final Duration DECK = Duration.ofSeconds(180);

    @BeforeAll
    static void useTheSuitesSecret() {
        TestTokens.useSuiteSecret();
    }

    @Test
    void everyClientMessageTypeIsAcknowledgedAndAnsweredWithItsRequestId() throws Exception {
        String owner = TestTokens.valid(TestTokens.newUser());
        byte[] file = Files.readAllBytes(RepositoryPaths.corpusFile("readme-pdfjs.md"));
        String themeId = Suite.as(owner).get("/api/v1/themes").then().statusCode(200).extract().path("[0].id");
        String deckId;
        String documentId;
        long lastSeq;
        try (LiveSocket live = LiveSocket.open(owner)) {
            // ping
            String ping = live.send("ping", new JsonObject());
            JsonObject ack = acknowledged(live, ping, "ping");
            assertEquals("live-it", ack.getString("client_id"));
            Instant.parse(ack.getString("timestamp"));
            assertFalse(ack.getString("id").isBlank());

            // file_upload: start, one chunk, end; then the worker's verdict
            String start = live.send("file_upload", new JsonObject().put("action", "start")
                    .put("file_name", "readme.md").put("size", file.length).put("sha256", sha256(file)));
            acknowledged(live, start, "file_upload");
            JsonObject started = live.reply("progress_update", start, REPLY).getJsonObject("data");
            assertEquals(0, started.getInteger("next_chunk"));
            String uploadId = started.getString("upload_id");
            String chunk = live.send("file_upload", new JsonObject().put("action", "chunk").put("upload_id", uploadId)
                    .put("index", 0).put("chunk", Base64.getEncoder().encodeToString(file)));
            assertEquals(1, live.reply("progress_update", chunk, REPLY).getJsonObject("data").getInteger("next_chunk"));
            String end = live.send("file_upload", new JsonObject().put("action", "end").put("upload_id", uploadId));
            JsonObject uploaded = live.reply("progress_update", end, Duration.ofSeconds(60)).getJsonObject("data");
            assertEquals("uploaded", uploaded.getString("stage"));
            documentId = uploaded.getString("document_id");
            JsonObject processed = live.awaitOne(fileProcessed(documentId), Suite.EXTRACTION_TIMEOUT);
            assertEquals("extracted", processed.getJsonObject("data").getString("status"), processed.encode());

            // theme_selection
            String theme = live.send("theme_selection", new JsonObject().put("theme_id", themeId));
            acknowledged(live, theme, "theme_selection");

            // content_planning: the plan uses the session's theme
            String planning = live.send("content_planning", new JsonObject()
                    .put("document_ids", new JsonArray().add(documentId)).put("slide_count", 3)
                    .put("description", "What pdf.js is and how to build it"));
            acknowledged(live, planning, "content_planning");
            JsonObject plan = live.reply("plan_response", planning, Duration.ofSeconds(120)).getJsonObject("data");
            assertEquals(themeId, plan.getString("theme_id"));
            assertEquals(3, plan.getJsonArray("slides").size());
            deckId = plan.getString("deck_id");

            // slide_generation: three slide_complete, then deck_complete
            String generation = live.send("slide_generation", new JsonObject().put("deck_id", deckId));
            acknowledged(live, generation, "slide_generation");
            live.reply("deck_complete", generation, DECK);
            assertEquals(3, live.await(replyTo("slide_complete", generation), 3, Duration.ZERO).size());

            // research_request: acknowledged, stored by content-service, answered by a worker; the suite has
            // no search key, so the answer says research is off, with no sources
            String research = live.send("research_request", new JsonObject().put("query", "pdf.js"));
            acknowledged(live, research, "research_request");
            JsonObject answer = live.awaitOne(m -> research.equals(m.getString("request_id"))
                    && !"ack".equals(m.getString("type")), REPLY);
            assertEquals("research_response", answer.getString("type"), answer.encode());
            assertEquals("pdf.js", answer.getJsonObject("data").getString("query"));
            assertTrue(answer.getJsonObject("data").getString("message").startsWith("Web research is off"),
                    answer.encode());
            assertTrue(answer.getJsonObject("data").getJsonArray("sources").isEmpty(), answer.encode());

            List<JsonObject> numbered = live.snapshot().stream().filter(m -> m.getLong("seq") != null).toList();
            assertFalse(numbered.isEmpty(), "notifications carry seq");
            assertSequential(numbered);
            lastSeq = numbered.get(numbered.size() - 1).getLong("seq");
        }

        // resume from 0 on a new connection: the same notifications again, in order, once
        try (LiveSocket again = LiveSocket.open(owner)) {
            String resume = again.send("resume", new JsonObject().put("last_seq", 0));
            acknowledged(again, resume, "resume");
            List<JsonObject> replayed = again.await(m -> m.getLong("seq") != null, (int) lastSeq, REPLY);
            assertEquals(lastSeq, replayed.size(), "replayed: " + replayed);
            assertEquals(1L, replayed.get(0).getLong("seq"));
            assertSequential(replayed);
        }

        // another user: the owner's deck and document do not exist for them
        try (LiveSocket stranger = LiveSocket.open(TestTokens.valid(TestTokens.newUser()))) {
            String steal = stranger.send("slide_generation", new JsonObject().put("deck_id", deckId));
            assertEquals("NOT_FOUND", error(stranger, steal, "slide_generation").getString("code"));
            String borrow = stranger.send("content_planning", new JsonObject()
                    .put("document_ids", new JsonArray().add(documentId)).put("slide_count", 3));
            assertEquals("NOT_FOUND", error(stranger, borrow, "content_planning").getString("code"));
            String nowhere = stranger.send("theme_selection", new JsonObject().put("theme_id", "no-such-theme"));
            assertEquals("NOT_FOUND", error(stranger, nowhere, "theme_selection").getString("code"));
            assertTrue(stranger.await(ofType("slide_complete"), 1, Duration.ofSeconds(2)).isEmpty(),
                    "nothing of the owner's deck reaches a stranger");
        }
    }

    @Test
    void badFramesGetTheirErrorAndTheConnectionKeepsAnswering() throws Exception {
        try (LiveSocket live = LiveSocket.open(TestTokens.valid(TestTokens.newUser()))) {
            assertEquals("INVALID_JSON", unreadable(live, () -> live.sendText("{\"type\": \"ping\", ")));
            assertEquals("INVALID_JSON", unreadable(live, () -> live.sendText("hello, server")));
            assertEquals("INVALID_JSON", unreadable(live, () -> live.sendText("[1, 2, 3]")));
            byte[] garbage = new byte[4096];
            new Random(7).nextBytes(garbage);
            assertEquals("INVALID_JSON", unreadable(live, () -> live.sendBinary(garbage)));

            String unknown = UUID.randomUUID().toString();
            live.sendText(envelope(unknown, "make_coffee", "{}"));
            JsonObject unknownType = errorFor(live, unknown);
            assertEquals("UNKNOWN_TYPE", unknownType.getString("code"));
            assertTrue(unknownType.getString("message").contains("make_coffee"), unknownType.encode());

            String noType = UUID.randomUUID().toString();
            live.sendText("{\"id\":\"" + noType + "\",\"data\":{}}");
            assertEquals("INVALID_FIELD", errorFor(live, noType).getString("code"));

            String dataNotObject = UUID.randomUUID().toString();
            live.sendText(envelope(dataNotObject, "ping", "[]"));
            assertEquals("INVALID_FIELD", errorFor(live, dataNotObject).getString("code"));

            String wrongType = UUID.randomUUID().toString();
            live.sendText(envelope(wrongType, "content_planning", "{\"slide_count\":\"many\"}"));
            JsonObject wrong = errorFor(live, wrongType);
            assertEquals("INVALID_FIELD", wrong.getString("code"));
            assertTrue(wrong.getString("message").contains("slide_count"), wrong.encode());

            String listAsText = UUID.randomUUID().toString();
            live.sendText(envelope(listAsText, "content_planning", "{\"document_ids\":\"doc-1\"}"));
            assertEquals("INVALID_FIELD", errorFor(live, listAsText).getString("code"));

            String noDeck = live.send("slide_generation", new JsonObject());
            assertEquals("INVALID_FIELD", error(live, noDeck, "slide_generation").getString("code"));
            String noTheme = live.send("theme_selection", new JsonObject());
            assertEquals("INVALID_FIELD", error(live, noTheme, "theme_selection").getString("code"));
            String noLastSeq = live.send("resume", new JsonObject());
            assertEquals("INVALID_FIELD", error(live, noLastSeq, "resume").getString("code"));
            String malformedUpload = live.send("file_upload", new JsonObject().put("action", "chunk")
                    .put("upload_id", "../../etc/passwd").put("index", 0).put("chunk", "AAAA"));
            assertEquals("INVALID_FIELD", error(live, malformedUpload, "file_upload").getString("code"));
            String noSuchUpload = live.send("file_upload", new JsonObject().put("action", "chunk")
                    .put("upload_id", UUID.randomUUID().toString()).put("index", 0).put("chunk", "AAAA"));
            assertEquals("NOT_FOUND", error(live, noSuchUpload, "file_upload").getString("code"));

            String huge = live.send("file_upload", new JsonObject().put("action", "start").put("file_name", "big.pdf")
                    .put("size", 5L << 30).put("sha256", "0".repeat(64)));
            assertEquals("TOO_LARGE", error(live, huge, "file_upload").getString("code"));

            acknowledged(live, live.send("ping", new JsonObject()), "ping");
        }
    }

    @Test
    void aTenMegabyteFrameClosesOnlyItsOwnConnectionAndEveryInstanceStaysReady() throws Exception {
        String token = TestTokens.valid(TestTokens.newUser());
        try (LiveSocket bystander = LiveSocket.open(token)) {
            LiveSocket sender = LiveSocket.open(token);
            try {
                sender.sendText("{\"type\":\"ping\",\"data\":{\"pad\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}}");
                // 1009 from the frame's header; a client still writing the rest may see the reset first.
                Short status = sender.awaitClosed(Duration.ofSeconds(30));
                assertTrue(status == null || status == 1009, "closed with " + status);
            } finally {
                sender.close();
            }
            acknowledged(bystander, bystander.send("ping", new JsonObject()), "ping");
        }
        try (LiveSocket next = LiveSocket.open(token)) {
            acknowledged(next, next.send("ping", new JsonObject()), "ping");
        }
        assertEveryInstanceReady();
    }

    @Test
    void aFloodIsAnsweredRateLimitedMessageByMessageAndTheConnectionRecovers() throws Exception {
        // More than the user's whole budget (600 tokens, which REST calls and messages spend alike).
        int flood = 700;
        try (LiveSocket live = LiveSocket.open(TestTokens.valid(TestTokens.newUser()))) {
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < flood; i++) {
                sent.add(live.send("ping", new JsonObject()));
            }
            Predicate<JsonObject> toTheFlood = m -> sent.contains(m.getString("request_id"));
            List<JsonObject> replies = live.await(toTheFlood, flood, Duration.ofSeconds(30));
            assertEquals(flood, replies.size(), "one reply per message");
            List<JsonObject> limited = replies.stream().filter(ofType("error_response")).toList();
            long acks = replies.stream().filter(ofType("ack")).count();
            assertTrue(acks > 0 && !limited.isEmpty(), acks + " acks, " + limited.size() + " limited");
            for (JsonObject error : limited) {
                assertEquals("RATE_LIMITED", error.getJsonObject("data").getString("code"), error.encode());
                assertTrue(error.getJsonObject("data").getBoolean("retryable"), error.encode());
            }
            Thread.sleep(2500); // the budget refills at 10 tokens a second
            acknowledged(live, live.send("ping", new JsonObject()), "ping");
        }
        assertEveryInstanceReady();
    }

    @Test
    void aUserPastTheirConnectionLimitIsRefusedWithTheReasonWhileOthersConnect() throws Exception {
        String token = TestTokens.valid(TestTokens.newUser());
        List<LiveSocket> open = new ArrayList<>();
        try {
            // The default limit is 20 per user, counted across instances.
            for (int i = 0; i < 20; i++) {
                LiveSocket live = LiveSocket.open(token);
                open.add(live);
                acknowledged(live, live.send("ping", new JsonObject()), "ping");
            }
            try (LiveSocket over = LiveSocket.open(token)) {
                JsonObject refusal = over.awaitOne(ofType("error_response"), REPLY);
                assertEquals("CONNECTION_LIMIT", refusal.getJsonObject("data").getString("code"));
                assertEquals((short) 1008, over.awaitClosed(REPLY));
                assertTrue(over.closeReason().contains("per user"), over.closeReason());
            }
            try (LiveSocket someoneElse = LiveSocket.open(TestTokens.valid(TestTokens.newUser()))) {
                acknowledged(someoneElse, someoneElse.send("ping", new JsonObject()), "ping");
            }
            open.remove(0).close();
            Thread.sleep(1000); // the closed one stops counting once its instance has seen the close
            try (LiveSocket again = LiveSocket.open(token)) {
                acknowledged(again, again.send("ping", new JsonObject()), "ping");
            }
        } finally {
            open.forEach(LiveSocket::close);
        }
    }

    @Test
    void theUpgradeNeedsAValidTokenAndIsRefusedInTheErrorShape() throws Exception {
        UpgradeRejectedException none = LiveSocket.refusal("");
        assertEquals(401, none.getStatus());
        assertEquals("UNAUTHORIZED", none.getBody().toJsonObject().getString("code"));
        String user = TestTokens.newUser();
        for (String bad : List.of(TestTokens.expired(user), TestTokens.signedWithAnotherSecret(user),
                TestTokens.unsigned(user))) {
            assertEquals(401, LiveSocket.refusal("?access_token=" + bad).getStatus());
        }
    }

    @Test
    void aTokenThatExpiresWhileConnectedEndsTheConnectionWithUnauthorized() throws Exception {
        String user = TestTokens.newUser();
        try (LiveSocket live = LiveSocket.open(expiringIn(user, 2))) {
            acknowledged(live, live.send("ping", new JsonObject()), "ping");
            // The suite tolerates 30 s of clock skew on exp, so the end comes some 32 s in.
            JsonObject error = live.awaitOne(ofType("error_response"), Duration.ofSeconds(75));
            assertEquals("UNAUTHORIZED", error.getJsonObject("data").getString("code"), error.encode());
            assertEquals((short) 1008, live.awaitClosed(REPLY));
        }
    }

    private static JsonObject acknowledged(LiveSocket live, String id, String type) throws InterruptedException {
        JsonObject ack = live.reply("ack", id, REPLY);
        assertEquals(type, ack.getJsonObject("data").getString("received_type"), ack.encode());
        return ack;
    }

    /** The error_response that follows the ack of message {@code id}, in the one error shape. */
    private static JsonObject error(LiveSocket live, String id, String type) throws InterruptedException {
        acknowledged(live, id, type);
        return errorFor(live, id);
    }

    private static JsonObject errorFor(LiveSocket live, String id) throws InterruptedException {
        JsonObject message = live.reply("error_response", id, REPLY);
        JsonObject error = message.getJsonObject("data");
        assertEquals(id, error.getString("request_id"), message.encode());
        assertNotNull(error.getString("message"), message.encode());
        assertNotNull(error.getBoolean("retryable"), message.encode());
        return error;
    }

    /** Sends a frame no id can be read from and returns the code of the error that answers it. */
    private static String unreadable(LiveSocket live, Runnable send) throws InterruptedException {
        int before = live.await(ofType("error_response"), 0, Duration.ZERO).size();
        send.run();
        List<JsonObject> errors = live.await(ofType("error_response"), before + 1, REPLY);
        assertEquals(before + 1, errors.size(), "one error_response per bad frame: " + live.snapshot());
        JsonObject error = errors.get(before).getJsonObject("data");
        assertFalse(error.getBoolean("retryable"), error.encode());
        acknowledged(live, live.send("ping", new JsonObject()), "ping");
        return error.getString("code");
    }

    private static void assertSequential(List<JsonObject> numbered) {
        List<Long> seqs = numbered.stream().map(m -> m.getLong("seq")).toList();
        for (int i = 1; i < seqs.size(); i++) {
            assertEquals(seqs.get(i - 1) + 1, seqs.get(i), "in order, none twice or missing: " + seqs);
        }
    }

    private static void assertEveryInstanceReady() throws Exception {
        List<LiveInstances.Instance> running = LiveInstances.running();
        assertFalse(running.isEmpty(), "no websocket-service instance runs");
        assertEquals(Set.of(), running.stream().filter(i -> !i.ready()).map(LiveInstances.Instance::name)
                .collect(Collectors.toSet()), "instances not ready");
    }

    private static String envelope(String id, String type, String data) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"client_id\":\"live-it\",\"data\":" + data + "}";
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** A valid token that expires within seconds, signed with the suite's secret. */
    private static String expiringIn(String user, long seconds) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = System.currentTimeMillis() / 1000;
        String claims = String.format("{\"sub\":\"%s\",\"iss\":\"%s\",\"aud\":\"%s\",\"iat\":%d,\"exp\":%d}", user,
                TestTokens.ISSUER, TestTokens.AUDIENCE, now - 1, now + seconds);
        String input = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TestTokens.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return input + "." + b64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }
}
