package io.slideo.worker.extraction;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import io.slideo.model.document.Block;
import io.slideo.model.document.Figure;
import io.slideo.model.document.Section;
import io.slideo.worker.text.TextCleanup;

/**
 * The figures of a document: found beside the text parse (PDF, DOCX, PPTX), told from decoration,
 * placed in the section that holds them and handed to a {@link FigureSink}. A document whose figures
 * cannot be read keeps its text: figures are never a reason to fail.
 */
final class DocumentFigures {
    private static final Logger LOG = Logger.getLogger(DocumentFigures.class);
    private static final int ANCHOR_CHARACTERS = 40;
    private static final FigureSelection.Chosen NONE = new FigureSelection.Chosen(List.of(), Map.of());

    private DocumentFigures() {
    }

    static boolean readable(String mediaType) {
        return mediaType.equals("application/pdf") || mediaType.equals(OfficeFigures.DOCX)
                || mediaType.equals(OfficeFigures.PPTX);
    }

    /** The pictures of the file, chosen; empty for a format whose pictures are not read. */
    static FigureSelection.Chosen find(Path file, String mediaType, int maxFigures, long maxBytes) throws IOException {
        if (!readable(mediaType) || maxFigures <= 0) {
            return NONE;
        }
        List<FigureCandidate> candidates = mediaType.equals("application/pdf") ? PdfFigures.find(file, 2 * maxBytes)
                : OfficeFigures.find(file, mediaType);
        return FigureSelection.choose(candidates, maxFigures, maxBytes);
    }

    static Future<FigureSelection.Chosen> start(ExecutorService threads, Path file, String mediaType, int maxFigures,
            long maxBytes) {
        return threads.submit(() -> find(file, mediaType, maxFigures, maxBytes));
    }

    /** What the search found within the time left; nothing if it failed or ran out of time. */
    static FigureSelection.Chosen await(Future<FigureSelection.Chosen> search, Duration timeout) {
        try {
            return search.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            search.cancel(true);
            LOG.warn("Looking for figures ran out of time; the document keeps its text only");
        } catch (ExecutionException e) {
            LOG.warnf("Could not read the figures of a document: %s", e.getCause());
        } catch (InterruptedException e) {
            search.cancel(true);
            Thread.currentThread().interrupt();
        }
        return NONE;
    }

    /** The kept pictures as figures of the document, their bytes given to {@code sink}. */
    static List<Figure> place(String documentId, List<FigureCandidate> kept, List<Section> sections, FigureSink sink)
            throws IOException {
        List<Figure> figures = new ArrayList<>();
        for (FigureCandidate candidate : kept) {
            String id = "figure-" + (figures.size() + 1);
            Figure figure = new Figure(id, "documents/" + documentId + "/figures/" + id + "." + candidate.extension(),
                    candidate.mediaType(), candidate.width(), candidate.height(), candidate.page(), candidate.caption(),
                    candidate.altText(), sectionOf(candidate, sections));
            sink.accept(figure, candidate.bytes());
            figures.add(figure);
        }
        return figures;
    }

    /** The section whose text holds the figure's anchor, else the one with most text on its page; -1 if none. */
    static int sectionOf(FigureCandidate candidate, List<Section> sections) {
        String anchor = probe(candidate.anchor());
        if (anchor != null) {
            for (int i = 0; i < sections.size(); i++) {
                for (Block block : sections.get(i).blocks()) {
                    if (probe(block.text()) != null && TextCleanup.normalize(block.text()).toLowerCase(Locale.ROOT)
                            .replaceAll("\\s+", " ").contains(anchor)) {
                        return i;
                    }
                }
            }
        }
        int best = -1;
        long bestBlocks = 0;
        for (int i = 0; i < sections.size() && candidate.page() > 0; i++) {
            long onPage = sections.get(i).blocks().stream().filter(b -> b.page() == candidate.page()).count();
            if (onPage > bestBlocks) {
                best = i;
                bestBlocks = onPage;
            }
        }
        return best;
    }

    private static String probe(String text) {
        if (text == null) {
            return null;
        }
        String normal = TextCleanup.normalize(text).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        return normal.length() < 8 ? null : normal.substring(0, Math.min(ANCHOR_CHARACTERS, normal.length()));
    }
}
