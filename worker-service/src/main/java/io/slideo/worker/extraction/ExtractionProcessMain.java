package io.slideo.worker.extraction;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.slideo.model.event.EventCodec;
import io.slideo.worker.extraction.ExtractionProtocol.Outcome;
import io.slideo.worker.extraction.ExtractionProtocol.Request;
import io.slideo.worker.extraction.ExtractionProtocol.Signal;

/**
 * The parser process: a separate JVM that parses documents one at a time for a worker. A parser
 * that runs away, blows the heap or crashes takes only this process down; the worker kills and
 * replaces it. Arguments are {@code --name=value} limits (see {@link #limits}).
 */
public final class ExtractionProcessMain {
    private static final ObjectMapper JSON = EventCodec.newMapper();

    private ExtractionProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        // The protocol owns standard output; anything a library prints goes to standard error.
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        DocumentExtractor.Limits limits = limits(args);
        try (DocumentExtractor extractor = new DocumentExtractor(limits, Parsers.standard());
                BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            say(protocol, new Signal(Signal.READY, null, 0, 0));
            String line;
            while ((line = requests.readLine()) != null) {
                if (!line.isBlank()) {
                    handle(JSON.readValue(line, Request.class), extractor, protocol);
                }
            }
        }
    }

    private static void handle(Request request, DocumentExtractor extractor, PrintStream protocol) throws Exception {
        Outcome outcome;
        try {
            outcome = new Outcome(extractor.extract(request.documentId(), Path.of(request.file()), request.fileName(),
                    (page, pages) -> say(protocol, new Signal(Signal.PAGE, request.documentId(), page, pages)),
                    figuresInto(request.figures())), null, null);
        } catch (ExtractionFailure failure) {
            outcome = new Outcome(null, failure.code(), failure.getMessage());
        } catch (Throwable unexpected) {
            ExtractionFailure failure = ExtractionFailure.of(unexpected);
            outcome = new Outcome(null, failure.code(), failure.getMessage());
        }
        JSON.writeValue(Path.of(request.output()).toFile(), outcome);
        say(protocol, new Signal(Signal.DONE, request.documentId(), 0, 0));
    }

    private static FigureSink figuresInto(String folder) {
        if (folder == null) {
            return FigureSink.NONE;
        }
        return (figure, bytes) -> {
            Files.createDirectories(Path.of(folder));
            Files.write(Path.of(folder, figure.id()), bytes);
        };
    }

    private static void say(PrintStream protocol, Signal signal) {
        try {
            synchronized (protocol) {
                protocol.println(JSON.writeValueAsString(signal));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static DocumentExtractor.Limits limits(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 2) {
                values.put(arg.substring(2, eq), arg.substring(eq + 1));
            }
        }
        return new DocumentExtractor.Limits(
                Duration.ofMillis(Long.parseLong(values.getOrDefault("parse-timeout-ms", "120000"))),
                Long.parseLong(values.getOrDefault("max-characters", "5000000")),
                Long.parseLong(values.getOrDefault("max-unpacked-bytes", "268435456")),
                Integer.parseInt(values.getOrDefault("language-sample", "20000")),
                Set.of(values.getOrDefault("supported-types", "application/pdf").split(",")),
                Boolean.parseBoolean(values.getOrDefault("ocr", "true")),
                Integer.parseInt(values.getOrDefault("max-figures", "" + DocumentExtractor.Limits.DEFAULT_MAX_FIGURES)),
                Long.parseLong(values.getOrDefault("max-figure-bytes",
                        "" + DocumentExtractor.Limits.DEFAULT_MAX_FIGURE_BYTES)));
    }

    static String[] arguments(DocumentExtractor.Limits limits) {
        return new String[] { "--parse-timeout-ms=" + limits.parseTimeout().toMillis(),
                "--max-characters=" + limits.maxCharacters(), "--max-unpacked-bytes=" + limits.maxUnpackedBytes(),
                "--language-sample=" + limits.languageSample(),
                "--supported-types=" + String.join(",", limits.supportedTypes()), "--ocr=" + limits.ocr(),
                "--max-figures=" + limits.maxFigures(), "--max-figure-bytes=" + limits.maxFigureBytes() };
    }
}
