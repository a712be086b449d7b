package io.slideo.worker.extraction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.slideo.model.document.ExtractedDocument;
import io.slideo.worker.config.WorkerConfig;

/**
 * Extracts documents in parser processes, a few at a time. Processes are kept between documents
 * (a JVM with Tika loaded answers fast) and replaced when one is killed or dies.
 */
@ApplicationScoped
public class IsolatedExtractor {
    // A plain logger: classpath() also runs outside Quarkus (unit tests).
    private static final Logger LOG = Logger.getLogger(IsolatedExtractor.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    // Time for the process to report a timeout itself before it is killed.
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final DocumentExtractor.Limits limits;
    private final List<String> jvm;
    private final Semaphore slots;
    private final Queue<ParserProcess> idle = new ConcurrentLinkedQueue<>();

    IsolatedExtractor(WorkerConfig config) {
        WorkerConfig.Extraction extraction = config.extraction();
        this.limits = new DocumentExtractor.Limits(extraction.parseTimeout(), extraction.maxCharacters(),
                extraction.maxUnpackedBytes(), extraction.languageSample(), extraction.supportedTypes(), extraction.ocr(),
                extraction.maxFigures(), extraction.maxFigureBytes());
        this.jvm = jvm(extraction.processHeap());
        this.slots = new Semaphore(extraction.processes());
    }

    public ExtractedDocument extract(String documentId, Path file, String fileName, PageListener pages)
            throws ExtractionFailure {
        return extract(documentId, file, fileName, pages, FigureSink.NONE);
    }

    /** Reads the document in a parser process; {@code figureBytes} takes the bytes of each figure kept. */
    public ExtractedDocument extract(String documentId, Path file, String fileName, PageListener pages,
            FigureSink figureBytes) throws ExtractionFailure {
        slots.acquireUninterruptibly();
        ParserProcess process = null;
        try {
            process = idle.poll();
            if (process == null || !process.alive()) {
                process = start();
            }
            return process.extract(documentId, file, fileName, limits.parseTimeout().plus(GRACE), pages, figureBytes);
        } finally {
            if (process != null && process.alive()) {
                idle.add(process);
            }
            slots.release();
        }
    }

    @PreDestroy
    void stop() {
        ParserProcess process;
        while ((process = idle.poll()) != null) {
            process.close();
        }
    }

    private ParserProcess start() {
        try {
            return ParserProcess.start(jvm, limits, START_TIMEOUT);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start a parser process: " + e.getMessage(), e);
        }
    }

    /** The command that starts a parser JVM with this worker's classes and libraries. */
    static List<String> jvm(String heap) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-XX:+UseParallelGC"); // measured faster than Serial for Tika on two cores
        command.add("-Djava.awt.headless=true");
        command.add("-cp");
        command.add(classpath());
        return command;
    }

    /**
     * In a packaged worker ({@code quarkus-app/quarkus-run.jar}) the libraries lie beside it; in tests
     * and development the JVM's own class path has them.
     */
    static String classpath() {
        String own = System.getProperty("java.class.path");
        Path runner = Path.of(own.split(java.io.File.pathSeparator)[0]);
        if (runner.getFileName() != null && runner.getFileName().toString().equals("quarkus-run.jar")) {
            Path app = runner.toAbsolutePath().getParent();
            String separator = java.io.File.pathSeparator;
            String path = app.resolve("lib/boot/*") + separator + app.resolve("lib/main/*") + separator
                    + app.resolve("app/*");
            LOG.debugf("Parser processes use the class path of %s", app);
            return path;
        }
        if (!Files.exists(runner)) {
            LOG.warnf("The worker's class path starts with %s, which does not exist", runner);
        }
        return own;
    }
}
