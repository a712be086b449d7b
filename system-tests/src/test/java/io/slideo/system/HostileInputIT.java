package io.slideo.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import io.slideo.testing.RepositoryPaths;
import io.slideo.testing.TestTokens;
import io.vertx.core.json.JsonObject;

/**
 * Every hostile file of the corpus, uploaded through the gateway over REST and over the WebSocket,
 * ends refused with the code its manifest expects and a message a person can act on; no temporary
 * file is left behind, and the next good upload is processed normally.
 */
class HostileInputIT {
    private static final Duration REFUSAL = Duration.ofSeconds(150);
    private static final int CHUNK = 256 * 1024;

    record Hostile(String file, Set<String> codes) {
    }

    @BeforeAll
    static void useTheSuitesSecret() {
        TestTokens.useSuiteSecret();
    }

    @Test
    void everyHostileFileIsRefusedWithItsCodeOverRestAndTheWebSocketAndTheNextGoodUploadWorks() throws Exception {
        String token = TestTokens.valid(TestTokens.newUser());
        try (LiveSocket live = LiveSocket.open(token)) {
            for (Hostile hostile : hostileFiles()) {
                String viaRest = refusalOverRest(token, live, hostile);
                assertTrue(hostile.codes().contains(viaRest), hostile.file() + " over REST: " + viaRest);
                String viaSocket = refusalOverWebSocket(live, hostile);
                assertTrue(hostile.codes().contains(viaSocket), hostile.file() + " over the WebSocket: " + viaSocket);
            }
            assertNoTemporaryFilesLeft();

            String good = Suite.upload(token, "license-apache-2.0.txt").statusCode(201).extract().path("id");
            JsonObject processed = live.awaitOne(LiveSocket.fileProcessed(good), Suite.EXTRACTION_TIMEOUT);
            assertEquals("extracted", processed.getJsonObject("data").getString("status"));
        }
    }

    /** Refused at upload (4xx with a code) or later by the worker (file_processed, status failed). */
    private static String refusalOverRest(String token, LiveSocket live, Hostile hostile) throws Exception {
        Response response = Suite.as(token).multiPart("file", RepositoryPaths.corpusFile(hostile.file()).toFile())
                .post("/api/v1/documents");
        if (response.statusCode() != 201) {
            assertClear(response.jsonPath().getString("message"), hostile);
            return response.jsonPath().getString("code");
        }
        return failureOf(live, response.jsonPath().getString("id"), hostile);
    }

    private static String refusalOverWebSocket(LiveSocket live, Hostile hostile) throws Exception {
        byte[] file = Files.readAllBytes(RepositoryPaths.corpusFile(hostile.file()));
        String start = live.send("file_upload", new JsonObject().put("action", "start").put("file_name",
                Path.of(hostile.file()).getFileName().toString()).put("size", file.length).put("sha256", sha256(file)));
        JsonObject started = live.awaitOne(m -> start.equals(m.getString("request_id"))
                && !"ack".equals(m.getString("type")), Duration.ofSeconds(10));
        if ("error_response".equals(started.getString("type"))) {
            assertClear(started.getJsonObject("data").getString("message"), hostile);
            return started.getJsonObject("data").getString("code"); // an empty file is refused at the start
        }
        String uploadId = started.getJsonObject("data").getString("upload_id");
        for (int i = 0; i * CHUNK < file.length; i++) {
            String chunk = live.send("file_upload", new JsonObject().put("action", "chunk").put("upload_id", uploadId)
                    .put("index", i).put("chunk", Base64.getEncoder().encodeToString(
                            Arrays.copyOfRange(file, i * CHUNK, Math.min(file.length, (i + 1) * CHUNK)))));
            live.awaitOne(LiveSocket.replyTo("progress_update", chunk), Duration.ofSeconds(10));
        }
        String end = live.send("file_upload", new JsonObject().put("action", "end").put("upload_id", uploadId));
        JsonObject outcome = live.awaitOne(m -> end.equals(m.getString("request_id"))
                && !"ack".equals(m.getString("type")), Duration.ofSeconds(30));
        if ("error_response".equals(outcome.getString("type"))) {
            assertClear(outcome.getJsonObject("data").getString("message"), hostile);
            return outcome.getJsonObject("data").getString("code");
        }
        return failureOf(live, outcome.getJsonObject("data").getString("document_id"), hostile);
    }

    private static String failureOf(LiveSocket live, String documentId, Hostile hostile) throws Exception {
        JsonObject processed = live.awaitOne(LiveSocket.fileProcessed(documentId), REFUSAL).getJsonObject("data");
        assertEquals("failed", processed.getString("status"), hostile.file() + ": " + processed.encode());
        assertClear(processed.getString("error_message"), hostile);
        return processed.getString("error_code");
    }

    private static void assertClear(String message, Hostile hostile) {
        assertTrue(message != null && message.length() > 15, hostile.file() + " needs a message a person can act on: "
                + message);
    }

    /**
     * The files uploads and parses keep while they run, on this machine (the suite's): the workers'
     * scratch folders ({@code slideo-worker-<pid>-<start>}, with their parser processes' folders) and
     * document-service's upload folder, in the suite's own temporary folder (another suite's are not ours).
     * Once every refusal has been answered none may be left.
     */
    private static void assertNoTemporaryFilesLeft() throws IOException {
        Path tmp = Services.HOME.resolve("tmp");
        List<Path> left = new ArrayList<>();
        try (Stream<Path> files = Files.list(tmp)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if ((name.startsWith("slideo-worker-") || name.equals("slideo-uploads")) && Files.isDirectory(p)) {
                    try (Stream<Path> inside = Files.walk(p)) {
                        inside.filter(Files::isRegularFile).forEach(left::add);
                    }
                }
            }
        }
        assertEquals(List.of(), left, "temporary files left behind");
    }

    private static List<Hostile> hostileFiles() throws IOException {
        List<String> lines = Files.readAllLines(RepositoryPaths.corpusFile("MANIFEST.tsv"));
        List<String> header = Arrays.asList(lines.get(0).split("\t"));
        List<Hostile> hostile = lines.stream().skip(1).map(l -> l.split("\t"))
                .filter(c -> c[header.indexOf("file")].startsWith("hostile/"))
                .map(c -> new Hostile(c[header.indexOf("file")], Set.of(c[header.indexOf("expect")].split("\\|"))))
                .toList();
        assertTrue(hostile.size() >= 9, "the manifest lists the hostile files: " + hostile);
        return hostile;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
