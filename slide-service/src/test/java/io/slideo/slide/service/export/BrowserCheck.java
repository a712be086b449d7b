package io.slideo.slide.service.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.slideo.testing.RepositoryPaths;

/**
 * Runs bench/export-browser.sh (headless Chromium, network blocked; it installs Chromium and
 * playwright-core itself on first use) on HTML files and reads its one-JSON-object-per-file report.
 */
final class BrowserCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BrowserCheck() {
    }

    static List<JsonNode> run(List<String> files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(RepositoryPaths.root().resolve("bench/export-browser.sh").toString());
        command.addAll(files);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(20, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("bench/export-browser.sh failed (exit " + process.exitValue() + "): " + out);
        }
        List<JsonNode> reports = new ArrayList<>();
        for (String line : out.split("\\R")) {
            if (line.startsWith("{")) {
                reports.add(JSON.readTree(line));
            }
        }
        return reports;
    }
}
