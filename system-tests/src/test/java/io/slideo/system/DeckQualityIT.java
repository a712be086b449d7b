package io.slideo.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.slideo.testing.RepositoryPaths;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The deck-quality report (bench/deck-quality.sh) over every non-hostile corpus document, through the
 * running suite: each document becomes a deck whose HTML is measured in headless Chromium and whose
 * PPTX text frames are measured against their boxes. No slide may overflow and no bullet may lack its
 * source; a document that the manifest expects to be read must become a deck.
 */
class DeckQualityIT {

    @Test
    void everyCorpusDeckFitsItsSlidesAndSourcesEveryBullet() throws Exception {
        Path out = RepositoryPaths.root().resolve("system-tests/target/deck-quality");
        String table = runReport(out);
        System.out.println(table);

        JsonArray rows = new JsonArray(Files.readString(out.resolve("deck-quality.json")));
        Map<String, String> expected = nonHostileDocuments();
        assertEquals(expected.keySet(), rowsByFile(rows).keySet(), "the report covers every non-hostile document");

        List<String> problems = new ArrayList<>();
        for (JsonObject row : rowsByFile(rows).values()) {
            String file = row.getString("file");
            String skipped = row.getString("skipped");
            if (skipped != null) {
                // Only a refusal the manifest allows (e.g. OCR_UNAVAILABLE) may leave a document without a deck.
                String code = skipped.startsWith("not extracted: ") ? skipped.substring(15) : null;
                if (code == null || !List.of(expected.get(file).split("\\|")).contains(code)) {
                    problems.add(file + ": no deck (" + skipped + ")");
                }
                continue;
            }
            if (row.getInteger("overflowing") > 0) {
                problems.add(file + ": " + row.getInteger("overflowing") + " overflowing slides, HTML "
                        + row.getJsonArray("htmlOverflow").encode() + ", PPTX slides " + row.getJsonArray("pptxOverflow"));
            }
            if (row.getInteger("unsourced") > 0) {
                problems.add(file + ": " + row.getInteger("unsourced") + " bullets without a source");
            }
            if (row.getInteger("shown") != row.getInteger("slides").intValue() || row.getInteger("requests") > 0) {
                problems.add(file + ": Chromium showed " + row.getInteger("shown") + " of " + row.getInteger("slides")
                        + " slides, with " + row.getInteger("requests") + " blocked requests");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems) + "\n" + table);
    }

    /** Runs the report into {@code out} and answers its Markdown table. */
    private static String runReport(Path out) throws IOException, InterruptedException {
        Path log = Files.createDirectories(out).resolve("report.log");
        ProcessBuilder builder = new ProcessBuilder(RepositoryPaths.root().resolve("bench/deck-quality.sh").toString())
                .redirectError(log.toFile());
        builder.environment().put("DECK_QUALITY_OUT", out.toString());
        builder.environment().put("SLIDEO_GATEWAY_URL", Suite.GATEWAY);
        Process process = builder.start();
        String table = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean ended = process.waitFor(90, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        assertTrue(ended && process.exitValue() == 0, "bench/deck-quality.sh failed; its log:\n"
                + (Files.exists(log) ? Files.readString(log) : "(none)"));
        return table;
    }

    /** File name to the manifest's expected outcomes ("EXTRACTED", "OCR_TEXT|OCR_UNAVAILABLE"). */
    private static Map<String, String> nonHostileDocuments() throws IOException {
        List<String> lines = Files.readAllLines(RepositoryPaths.corpus().resolve("MANIFEST.tsv"));
        List<String> head = List.of(lines.get(0).split("\t"));
        int file = head.indexOf("file");
        int expect = head.indexOf("expect");
        Map<String, String> documents = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t");
            if (!line.isBlank() && !cells[file].startsWith("hostile/")) {
                documents.put(cells[file], cells[expect]);
            }
        }
        return documents;
    }

    private static Map<String, JsonObject> rowsByFile(JsonArray rows) {
        Map<String, JsonObject> byFile = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            byFile.put(rows.getJsonObject(i).getString("file"), rows.getJsonObject(i));
        }
        return byFile;
    }
}
