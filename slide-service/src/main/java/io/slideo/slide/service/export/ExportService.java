package io.slideo.slide.service.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;
import io.slideo.model.deck.SlideFigure;
import io.slideo.runtime.blob.BlobStore;
import io.slideo.slide.domain.JsonColumns;
import io.slideo.slide.service.DeckDetails;
import io.slideo.slide.service.DeckReader;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Exports a deck as HTML, PDF or PPTX, all drawn from one composition with the deck's theme. A file is
 * rendered once per deck version (the plan revision and every slide's current version name it) and
 * kept in the blob store; rendering tells the user how it goes.
 */
@ApplicationScoped
public class ExportService {
    // Bump when the renderers change what they draw, so cached files are drawn again.
    static final String RENDERER = "r6";

    public enum Format {
        HTML("html", "text/html; charset=UTF-8"),
        PDF("pdf", "application/pdf"),
        PPTX("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation");

        private final String extension;
        private final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        public String extension() {
            return extension;
        }

        public String mediaType() {
            return mediaType;
        }

        public static Format of(String requested) {
            String wanted = requested == null || requested.isBlank() ? "html" : requested.strip().toLowerCase(Locale.ROOT);
            for (Format format : values()) {
                if (format.extension.equals(wanted)) {
                    return format;
                }
            }
            throw new SlideoException(ErrorCode.INVALID_FIELD, "format must be html, pptx or pdf, not '" + requested + "'");
        }
    }

    /** A rendered (or cached) export with the name a download should get. */
    public record ExportFile(byte[] bytes, Format format, String fileName, boolean fromCache) {
    }

    private final DeckReader reader;
    private final BlobStore blobs;
    private final ExportProgress progress;

    ExportService(DeckReader reader, BlobStore blobs, ExportProgress progress) {
        this.reader = reader;
        this.blobs = blobs;
        this.progress = progress;
    }

    public Uni<ExportFile> export(String userId, UUID deckId, String requestedFormat, String requestId) {
        Format format = Format.of(requestedFormat);
        return reader.details(userId, deckId)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(details -> exportBlocking(userId, details, format, requestId));
    }

    private ExportFile exportBlocking(String userId, DeckDetails details, Format format, String requestId) {
        String deckId = details.deck().id.toString();
        if (details.slides().isEmpty()) {
            throw new SlideoException(ErrorCode.CONFLICT, "Deck " + deckId
                    + " has no written slides yet; export it once its deck_complete message arrives");
        }
        String key = key(details, format);
        String fileName = fileName(details.deck().title, deckId, format);
        try {
            if (blobs.exists(key)) {
                try (InputStream in = blobs.open(key)) {
                    return new ExportFile(in.readAllBytes(), format, fileName, true);
                }
            }
            int slides = details.slides().size();
            String name = format.name();
            progress.report(userId, requestId, deckId, 0, "Exporting " + slides + " slides as " + name);
            long started = System.nanoTime();
            Composition composition = compose(details, this::picture);
            byte[] bytes = switch (format) {
                case HTML -> HtmlRenderer.document(composition).getBytes(StandardCharsets.UTF_8);
                case PDF -> PdfRenderer.render(composition);
                case PPTX -> PptxRenderer.render(composition);
            };
            blobs.put(key, new ByteArrayInputStream(bytes));
            progress.report(userId, requestId, deckId, 100, name + " export of " + slides + " slides is ready");
            Log.infof("Deck %s exported as %s (%d slides, %d bytes) in %d ms for user %s", deckId, name, slides,
                    bytes.length, (System.nanoTime() - started) / 1_000_000, userId);
            return new ExportFile(bytes, format, fileName, false);
        } catch (IOException e) {
            throw new SlideoException(ErrorCode.UNAVAILABLE, "The export could not be stored; try again", e);
        }
    }

    static Composition compose(DeckDetails details, Function<SlideFigure, SlideContent.Picture> pictures) {
        List<SlideContent> slides = details.slides().stream().map(s -> {
            var v = s.current();
            SlideFigure figure = JsonColumns.figure(v);
            return new SlideContent(s.slide().slideIndex, v.title, layout(v.layout), JsonColumns.bullets(v),
                    JsonColumns.secondColumn(v), JsonColumns.table(v), v.notes, JsonColumns.tableSource(v),
                    figure == null ? null : pictures.apply(figure));
        }).toList();
        return DeckComposer.compose(details.deck().title, JsonColumns.theme(details.deck()),
                JsonColumns.documentIds(details.deck()), slides);
    }

    /** The figure's picture from the blob store; null (the slide keeps its bullets) when it is gone. */
    SlideContent.Picture picture(SlideFigure figure) {
        try {
            String key = BlobStore.checkKey(figure.blobKey());
            if (!blobs.exists(key)) {
                Log.warnf("Figure %s of document %s is not in the blob store; its slide is exported without it",
                        figure.blobKey(), figure.documentId());
                return null;
            }
            try (InputStream in = blobs.open(key)) {
                return new SlideContent.Picture(figure, in.readAllBytes());
            }
        } catch (IOException | IllegalArgumentException e) {
            Log.warnf("Figure %s could not be read: %s", figure.blobKey(), e.getMessage());
            return null;
        }
    }

    /** Named by the deck and its version: the plan revision and each slide's current version. */
    static String key(DeckDetails details, Format format) {
        StringBuilder version = new StringBuilder(RENDERER).append("|plan ").append(details.deck().planRevision);
        details.slides().forEach(s -> version.append('|').append(s.slide().slideIndex).append(':')
                .append(s.slide().currentVersion));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(version.toString().getBytes(StandardCharsets.UTF_8));
            return "exports/" + details.deck().id + "/" + HexFormat.of().formatHex(digest, 0, 12) + "." + format.extension();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The deck's title as a file name ("Quarterly review" becomes quarterly-review.pptx). */
    static String fileName(String title, String deckId, Format format) {
        String ascii = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return (slug.isEmpty() ? "deck-" + deckId : slug) + "." + format.extension();
    }

    private static SlideLayout layout(String stored) {
        try {
            return SlideLayout.valueOf(stored);
        } catch (IllegalArgumentException | NullPointerException e) {
            return SlideLayout.BULLETS;
        }
    }
}
