package io.slideo.worker.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;


import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.Parser;

import io.slideo.model.document.Block;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.Figure;
import io.slideo.model.document.Section;

/**
 * Reads a stored file into an {@link ExtractedDocument}: checks its type from the bytes, refuses
 * decompression bombs, parses with Tika into XHTML events on a thread of its own (abandoned past the
 * time limit), and keeps the structure. Every failure comes out as an {@link ExtractionFailure}.
 * Embedded documents are not parsed yet; the pictures of a PDF, DOCX or PPTX become its figures.
 */
public class DocumentExtractor implements AutoCloseable {
    private static final Set<String> METADATA_KEPT = Set.of("dc:title", "dc:creator", "dc:subject", "dc:description",
            "dc:language", "dcterms:created", "dcterms:modified", "Content-Type", "xmpTPg:NPages", "meta:page-count",
            "meta:slide-count", "meta:word-count", "pdf:producer", "extended-properties:Application");
    private static final Set<String> SPREADSHEETS = Set.of("application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.oasis.opendocument.spreadsheet", "text/csv");
    private static final String OFFICE_OPEN_XML = "application/vnd.openxmlformats-officedocument.";
    private static final Set<String> PAGE_COUNT_KEYS = Set.of("xmpTPg:NPages", "meta:slide-count", "meta:page-count");

    private final Limits limits;
    private final Parser parser;
    private final Detector detector;
    private final ExecutorService parsing = Executors.newCachedThreadPool(new ParseThreads());

    /** What one document may cost. */
    public record Limits(Duration parseTimeout, long maxCharacters, long maxUnpackedBytes, int languageSample,
            Set<String> supportedTypes, boolean ocr, int maxFigures, long maxFigureBytes) {
        public static final int DEFAULT_MAX_FIGURES = 40;
        public static final long DEFAULT_MAX_FIGURE_BYTES = 30L << 20;

        public Limits(Duration parseTimeout, long maxCharacters, long maxUnpackedBytes, int languageSample,
                Set<String> supportedTypes, boolean ocr) {
            this(parseTimeout, maxCharacters, maxUnpackedBytes, languageSample, supportedTypes, ocr,
                    DEFAULT_MAX_FIGURES, DEFAULT_MAX_FIGURE_BYTES);
        }
    }

    public DocumentExtractor(Limits limits, Parser parser) {
        this.limits = limits;
        this.parser = parser;
        this.detector = TikaConfig.getDefaultConfig().getDetector();
        // POI counts what it really inflates, so a ZIP that lies about its sizes is stopped too.
        ZipSecureFile.setMaxEntrySize(Math.min(limits.maxUnpackedBytes(), 0xFFFFFFFFL));
    }

    @Override
    public void close() {
        parsing.shutdownNow();
    }

    public ExtractedDocument extract(String documentId, Path file, String fileName) throws ExtractionFailure {
        return extract(documentId, file, fileName, PageListener.NONE, FigureSink.NONE);
    }

    public ExtractedDocument extract(String documentId, Path file, String fileName, PageListener pages)
            throws ExtractionFailure {
        return extract(documentId, file, fileName, pages, FigureSink.NONE);
    }

    /**
     * Reads the document; {@code pages} hears of every page (or slide) as the parser reaches it,
     * {@code figureBytes} takes the bytes of each figure the document keeps.
     */
    public ExtractedDocument extract(String documentId, Path file, String fileName, PageListener pages,
            FigureSink figureBytes) throws ExtractionFailure {
        String mediaType = checkFile(file);
        // A PDF's headings and any document's figures come from independent reads beside Tika's parse.
        Future<PdfHeadings.Found> headings = mediaType.equals("application/pdf")
                ? parsing.submit(() -> PdfHeadings.find(file))
                : null;
        Future<FigureSelection.Chosen> figures = DocumentFigures.start(parsing, file, mediaType, limits.maxFigures(),
                limits.maxFigureBytes());
        Parsed parsed;
        try {
            parsed = MarkdownReader.reads(mediaType, fileName) ? readMarkdown(file) : parseWithinLimit(file, mediaType, pages);
        } catch (ExtractionFailure | RuntimeException e) {
            if (headings != null) {
                headings.cancel(true);
            }
            figures.cancel(true);
            throw e;
        }
        List<DocumentPart> parts = readerParts(parsed, headings, file, mediaType);
        String title = DocumentTitle.of(parsed.metadata().get(TikaCoreProperties.TITLE), parts, fileName);
        List<Section> sections = SectionBuilder.build(parts, parsed.pagesSeen() > 0, title);
        long characters = sections.stream().flatMap(s -> s.blocks().stream()).mapToLong(b -> b.text().length()).sum();
        if (characters == 0) {
            throw mediaType.startsWith("image/") || mediaType.equals("application/pdf")
                    ? ExtractionFailure.scanned(mediaType, limits.ocr(), Parsers.tesseractInstalled())
                    : ExtractionFailure.noText();
        }
        String language = LanguageGuess.of(sample(sections, limits.languageSample()));
        return new ExtractedDocument(documentId, title, language, mediaType, pages(parsed, file, mediaType), characters,
                keptMetadata(parsed.metadata()), sections, placed(documentId, figures, sections, figureBytes));
    }

    private List<Figure> placed(String documentId, Future<FigureSelection.Chosen> search, List<Section> sections,
            FigureSink figureBytes) throws ExtractionFailure {
        try {
            return DocumentFigures.place(documentId, DocumentFigures.await(search, limits.parseTimeout()).kept(),
                    sections, figureBytes);
        } catch (IOException e) {
            throw ExtractionFailure.of(e);
        }
    }

    /** The parts as a reader sees them: page furniture and back matter left out, a PDF's headings in place. */
    private List<DocumentPart> readerParts(Parsed parsed, Future<PdfHeadings.Found> headings, Path file,
            String mediaType) throws ExtractionFailure {
        List<DocumentPart> parts = RunningText.strip(parsed.parts(), parsed.pagesSeen());
        if (headings != null) {
            parts = BrokenLines.join(NumberedHeadings.applyRoman(PdfHeadings.apply(parts, headingsOf(headings))));
        }
        parts = BulletParagraphs.group(BackMatter.strip(parts));
        if (mediaType.startsWith(OFFICE_OPEN_XML)) {
            parts = ChartNumbers.apply(parts, ChartNumbers.shown(file));
        }
        return SPREADSHEETS.contains(mediaType) ? NumberText.humane(parts) : parts;
    }

    private PdfHeadings.Found headingsOf(Future<PdfHeadings.Found> headings) throws ExtractionFailure {
        try {
            return headings.get(limits.parseTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            headings.cancel(true);
            throw ExtractionFailure.timeout(limits.parseTimeout().toSeconds());
        } catch (ExecutionException e) {
            return new PdfHeadings.Found(List.of(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading headings", e);
        }
    }

    /** Not empty, of a type we read (from its bytes, never its name), and not a decompression bomb. */
    private String checkFile(Path file) throws ExtractionFailure {
        try {
            if (Files.size(file) == 0) {
                throw ExtractionFailure.empty();
            }
            String mediaType;
            try (TikaInputStream in = TikaInputStream.get(file)) {
                mediaType = detector.detect(in, new Metadata()).getBaseType().toString();
            }
            if (!limits.supportedTypes().contains(mediaType)) {
                throw ExtractionFailure.unsupported(mediaType);
            }
            ZipContainerCheck.check(file, limits.maxUnpackedBytes());
            return mediaType;
        } catch (IOException e) {
            throw ExtractionFailure.of(e);
        }
    }

    private record Parsed(List<DocumentPart> parts, int pagesSeen, Metadata metadata) {
    }

    private Parsed readMarkdown(Path file) throws ExtractionFailure {
        try {
            return new Parsed(MarkdownReader.read(file, limits.maxCharacters()), 0, new Metadata());
        } catch (IOException | StructureHandler.TooMuchTextException | RuntimeException e) {
            throw ExtractionFailure.of(e);
        }
    }

    /**
     * Text recognition is for pictures and scanned PDF pages. The images inside an office document
     * are illustrations; recognising each of them would take minutes and add noise.
     */
    private static boolean recognisable(String mediaType) {
        return mediaType.startsWith("image/") || mediaType.equals("application/pdf");
    }

    private Parsed parseWithinLimit(Path file, String mediaType, PageListener pages) throws ExtractionFailure {
        AtomicBoolean abandoned = new AtomicBoolean();
        Metadata metadata = new Metadata();
        boolean webPage = mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml");
        StructureHandler handler = new StructureHandler(limits.maxCharacters(), abandoned::get,
                page -> pages.page(page, declaredPages(metadata)), webPage);
        Future<Parsed> parse = parsing.submit(() -> {
            try (InputStream in = TikaInputStream.get(file)) {
                parser.parse(in, handler, metadata, Parsers.context(limits.ocr() && recognisable(mediaType)));
            }
            return new Parsed(handler.parts(), handler.pagesSeen(), metadata);
        });
        try {
            return parse.get(limits.parseTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // The handler stops at its next event; a parser stuck without events is left to finish alone.
            abandoned.set(true);
            parse.cancel(true);
            throw ExtractionFailure.timeout(limits.parseTimeout().toSeconds());
        } catch (ExecutionException e) {
            throw ExtractionFailure.of(e.getCause());
        } catch (InterruptedException e) {
            abandoned.set(true);
            parse.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while parsing", e);
        }
    }

    /**
     * Pages (or slides) seen while parsing, or the count the file declares when that is larger: a
     * slide with nothing on it emits no text, and OpenDocument presentations mark no slides at all.
     */
    private static int pages(Parsed parsed, Path file, String mediaType) {
        int declared = declaredPages(parsed.metadata());
        if (mediaType.equals("application/vnd.oasis.opendocument.presentation")) {
            declared = Math.max(declared, OpenDocumentSlides.count(file));
        }
        return Math.max(1, Math.max(parsed.pagesSeen(), declared));
    }

    /** The page (or slide) count the file declares; 0 when it declares none. */
    private static int declaredPages(Metadata metadata) {
        for (String key : PAGE_COUNT_KEYS) {
            String value = metadata.get(key);
            if (value != null && value.matches("\\d{1,6}") && Integer.parseInt(value) > 0) {
                return Integer.parseInt(value);
            }
        }
        return 0;
    }

    private static Map<String, String> keptMetadata(Metadata metadata) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : metadata.names()) {
            String value = metadata.get(name);
            if (METADATA_KEPT.contains(name) && value != null && !value.isBlank()) {
                kept.put(name, value.length() > 500 ? value.substring(0, 500) : value);
            }
        }
        return kept;
    }

    private static String sample(List<Section> sections, int limit) {
        StringBuilder sample = new StringBuilder();
        for (Section section : sections) {
            for (Block block : section.blocks()) {
                if (sample.length() >= limit) {
                    return sample.toString();
                }
                sample.append(block.text()).append('\n');
            }
        }
        return sample.toString();
    }

    private static final class ParseThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "document-parse-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
