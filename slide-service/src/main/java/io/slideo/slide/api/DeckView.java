package io.slideo.slide.api;

import java.time.Instant;
import java.util.List;

import io.slideo.model.deck.Bullet;
import io.slideo.model.deck.SlideFigure;
import io.slideo.model.deck.SourceRef;
import io.slideo.model.deck.QualityReport;
import io.slideo.slide.domain.JsonColumns;
import io.slideo.slide.service.DeckDetails;

/** A deck as REST shows it: each slide's current version. GraphQL shows every version. */
public record DeckView(
        String id,
        String title,
        String status,
        String themeId,
        int planRevision,
        int plannedSlides,
        List<SlideView> slides,
        Usage usage,
        Instant createdAt,
        Instant updatedAt,
        Failure failure) {

    /** Why a failed deck's last run failed, as its user was told; null unless the deck failed. */
    public record Failure(String code, String message) {
    }

    /** Who wrote the deck last (a model's generator name, or offline; null before any run) and its tokens so far. */
    public record Usage(String generator, long inputTokens, long outputTokens, long totalTokens) {
        static Usage of(io.slideo.slide.domain.Deck deck) {
            return new Usage(deck.generator, deck.inputTokens, deck.outputTokens, deck.inputTokens + deck.outputTokens);
        }
    }

    /** {@code secondColumn} and {@code table} are empty unless the layout uses them. */
    public record SlideView(int index, int version, String title, String layout, List<Bullet> bullets,
            List<Bullet> secondColumn, List<List<String>> table, SourceRef tableSource, SlideFigure figure, String notes,
            QualityReport quality) {
    }

    static DeckView of(DeckDetails details) {
        var deck = details.deck();
        List<SlideView> slides = details.slides().stream().map(s -> {
            var v = s.current();
            return new SlideView(s.slide().slideIndex, v.version, v.title, v.layout, JsonColumns.bullets(v),
                    JsonColumns.secondColumn(v), JsonColumns.table(v), JsonColumns.tableSource(v), JsonColumns.figure(v), v.notes, JsonColumns.quality(v));
        }).toList();
        return new DeckView(deck.id.toString(), deck.title, deck.status.name().toLowerCase(),
                JsonColumns.theme(deck).id(), deck.planRevision, JsonColumns.plannedSlides(deck).size(), slides,
                Usage.of(deck), deck.createdAt, deck.updatedAt,
                deck.failureCode == null ? null : new Failure(deck.failureCode, deck.failureMessage));
    }
}
