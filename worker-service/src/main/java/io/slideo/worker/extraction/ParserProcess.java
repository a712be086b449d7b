package io.slideo.worker.extraction;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.Figure;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.event.EventCodec;
import io.slideo.worker.extraction.ExtractionProtocol.Outcome;
import io.slideo.worker.extraction.ExtractionProtocol.Request;
import io.slideo.worker.extraction.ExtractionProtocol.Signal;

/**
 * One parser process seen from the worker. A parse that outlives its time is stopped by killing the
 * process (no thread interrupt can stop a parser stuck in a loop); a process that dies, for example
 * of an exhausted heap, fails only the document it was reading. Its temporary folder goes with it.
 */
final class ParserProcess implements AutoCloseable {
    private static final ObjectMapper JSON = EventCodec.newMapper();
    private static final Signal DIED = new Signal("died", null, 0, 0);
    private static final int OUT_OF_MEMORY_EXIT = 3;

    private final Process process;
    private final Path temporary;
    private final BufferedWriter requests;
    private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();

    private ParserProcess(Process process, Path temporary) {
        this.process = process;
        this.temporary = temporary;
        this.requests = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(this::readSignals, "parser-process-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static ParserProcess start(List<String> jvm, DocumentExtractor.Limits limits, Duration startTimeout)
            throws IOException {
        Path temporary = ScratchSpace.ofThisProcess().newDirectory("parser-");
        List<String> command = new ArrayList<>(jvm);
        command.add("-Djava.io.tmpdir=" + temporary);
        command.add(ExtractionProcessMain.class.getName());
        command.addAll(List.of(ExtractionProcessMain.arguments(limits)));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        ParserProcess started = new ParserProcess(process, temporary);
        try {
            Signal first = started.signals.poll(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (first == null || !Signal.READY.equals(first.type())) {
                started.close();
                throw new IOException("The parser process did not start (" + (first == null ? "no answer" : "it died")
                        + "); see the worker's log");
            }
        } catch (InterruptedException e) {
            started.close();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while starting the parser process", e);
        }
        return started;
    }

    Path temporaryFolder() {
        return temporary;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Reads one document; the timeout covers the whole parse, page signals included. */
    ExtractedDocument extract(String documentId, Path file, String fileName, Duration timeout, PageListener pages)
            throws ExtractionFailure {
        return extract(documentId, file, fileName, timeout, pages, FigureSink.NONE);
    }

    /** Reads one document; {@code figureBytes} takes each figure's bytes before the process's files are cleaned. */
    ExtractedDocument extract(String documentId, Path file, String fileName, Duration timeout, PageListener pages,
            FigureSink figureBytes) throws ExtractionFailure {
        Path output = temporary.resolve(documentId.replaceAll("[^A-Za-z0-9-]", "_") + ".json");
        Path figures = temporary.resolve(documentId.replaceAll("[^A-Za-z0-9-]", "_") + ".figures");
        try {
            requests.write(JSON.writeValueAsString(new Request(documentId, file.toString(), fileName, output.toString(),
                    figures.toString())));
            requests.newLine();
            requests.flush();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                Signal signal = left > 0 ? signals.poll(left, TimeUnit.NANOSECONDS) : null;
                if (signal == null) {
                    close();
                    throw ExtractionFailure.timeout(timeout.toSeconds());
                }
                if (signal == DIED) {
                    throw died();
                }
                if (Signal.PAGE.equals(signal.type())) {
                    pages.page(signal.page(), signal.pages());
                } else if (Signal.DONE.equals(signal.type()) && documentId.equals(signal.documentId())) {
                    return handOver(read(output), figures, figureBytes);
                }
            }
        } catch (IOException e) {
            close();
            throw died();
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while parsing", e);
        } finally {
            cleanTemporary();
        }
    }

    private ExtractedDocument read(Path output) throws IOException, ExtractionFailure {
        Outcome outcome = JSON.readValue(output.toFile(), Outcome.class);
        if (outcome.document() != null) {
            return outcome.document();
        }
        throw new ExtractionFailure(outcome.code() == null ? ErrorCode.CORRUPT : outcome.code(), outcome.message());
    }

    /** Gives each figure's bytes, written by the process, to the sink before the folder is cleaned. */
    private static ExtractedDocument handOver(ExtractedDocument document, Path folder, FigureSink figureBytes)
            throws IOException {
        for (Figure figure : document.figures()) {
            figureBytes.accept(figure, Files.readAllBytes(folder.resolve(figure.id())));
        }
        return document;
    }

    private ExtractionFailure died() {
        close();
        int exit = process.exitValue();
        if (exit == OUT_OF_MEMORY_EXIT) {
            return new ExtractionFailure(ErrorCode.TOO_LARGE, "Reading the document needed more memory than one"
                    + " document may use. Split it into smaller documents, or save it again without large embedded media.");
        }
        return new ExtractionFailure(ErrorCode.CORRUPT, "The document made the parser fail (exit " + exit + "); the"
                + " file is probably damaged. Save it again from its application and upload it again.");
    }

    private void readSignals() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                try {
                    signals.add(JSON.readValue(line, Signal.class));
                } catch (IOException e) {
                    // Not a protocol line (a library wrote to the real stdout); ignore it.
                }
            }
        } catch (IOException e) {
            // The process is gone; DIED below says so.
        }
        signals.add(DIED);
    }

    /** Deletes what the parser left in its temporary folder (Tika spills large parts to disk). */
    private void cleanTemporary() {
        try (Stream<Path> files = Files.list(temporary)) {
            for (Path path : files.toList()) {
                deleteTree(path);
            }
        } catch (IOException e) {
            // The folder itself is gone with a closed process.
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(temporary);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // Best effort: the next clean-up tries again.
        }
    }
}
