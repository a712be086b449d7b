package io.slideo.slide.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.slideo.model.deck.Bullet;
import io.slideo.model.deck.SlideFigure;
import io.slideo.model.deck.SourceRef;
import io.slideo.model.deck.QualityReport;
import io.slideo.runtime.error.RequestIds;
import io.slideo.runtime.security.CurrentUser;
import io.slideo.slide.domain.JsonColumns;
import io.slideo.slide.domain.SlideVersion;
import io.slideo.slide.service.DeckDetails;
import io.slideo.slide.service.DeckReader;
import io.slideo.slide.service.SlideHistory;
import io.smallrye.mutiny.Uni;

/** Decks with the whole history of every slide. A deck of another user is NOT_FOUND, as over REST. */
@GraphQLApi
public class DeckGraphQL {
    private final DeckReader reader;
    private final SlideHistory history;
    private final CurrentUser user;

    DeckGraphQL(DeckReader reader, SlideHistory history, CurrentUser user) {
        this.reader = reader;
        this.history = history;
        this.user = user;
    }

    @Query("decks")
    @Description("The caller's decks, newest first")
    public Uni<List<@NonNull DeckNode>> decks() {
        return reader.list(user.id()).map(all -> all.stream().map(DeckGraphQL::node).toList());
    }

    @Query("deck")
    @Description("One of the caller's decks")
    public Uni<DeckNode> deck(@Name("id") @Id @NonNull String id) {
        return reader.details(user.id(), DeckResource.deckId(id)).map(DeckGraphQL::node);
    }

    @Mutation("restoreSlideVersion")
    @Description("Writes an older version of a slide as its newest version (reason \"restored version N\"); "
            + "the user is told with slide_complete")
    public Uni<VersionNode> restoreSlideVersion(@Name("deckId") @Id @NonNull String deckId,
            @Name("slideIndex") int slideIndex, @Name("version") int version) {
        return history.restore(user.id(), DeckResource.deckId(deckId), slideIndex, version, RequestIds.orNew(null))
                .map(DeckGraphQL::node);
    }

    @Name("Deck")
    public record DeckNode(@Id String id, String title, String status, String themeId, int planRevision,
            Instant createdAt, Instant updatedAt, List<@NonNull SlideNode> slides, @NonNull DeckView.Usage usage) {
    }

    @Name("Slide")
    public record SlideNode(int index, int currentVersion, String title, List<@NonNull VersionNode> versions) {
    }

    @Name("SlideVersion")
    @Description("One version of a slide: who wrote it, when and why")
    public record VersionNode(int version, String title, String layout, List<@NonNull BulletNode> bullets,
            List<@NonNull BulletNode> secondColumn, List<@NonNull List<@NonNull String>> table, SourceNode tableSource,
            FigureNode figure, String notes,
            QualityNode quality, String generator, String reason, String createdBy, Instant createdAt,
            String generationId) {
    }

    @Name("Bullet")
    public record BulletNode(String text, String documentId, Integer page,
            @Description("where the text stands in a document without pages, e.g. \"\u00a7 3.2 Risk, \u00b6 4\"") String location) {
    }

    @Name("Source")
    @Description("where a table stands in its document: the page, or the heading and paragraph")
    public record SourceNode(String documentId, Integer page, String location) {
    }

    @Name("Figure")
    @Description("a document's figure shown on an IMAGE slide: its size in pixels, caption or alt text, and where it comes from")
    public record FigureNode(String documentId, String documentTitle, String mediaType, int width, int height,
            @Description("0 when the document has no pages") int page, String caption, String altText,
            @Description("the line under the picture, e.g. \"Figure from Annual Report, p. 4\"") String credit) {
    }

    @Name("QualityReport")
    @Description("What the quality gate checked and did; fill is how full the body box is (1.0 = full)")
    public record QualityNode(boolean passed, List<@NonNull String> checks, List<@NonNull String> actions, double fill) {
    }

    private static DeckNode node(DeckDetails details) {
        var deck = details.deck();
        List<SlideNode> slides = details.slides().stream()
                .map(s -> new SlideNode(s.slide().slideIndex, s.slide().currentVersion, s.current().title,
                        s.versions().stream().map(DeckGraphQL::node).toList()))
                .toList();
        return new DeckNode(deck.id.toString(), deck.title, deck.status.name().toLowerCase(), JsonColumns.theme(deck).id(),
                deck.planRevision, deck.createdAt, deck.updatedAt, slides, DeckView.Usage.of(deck));
    }

    private static VersionNode node(SlideVersion v) {
        QualityReport quality = JsonColumns.quality(v);
        return new VersionNode(v.version, v.title, v.layout, bullets(JsonColumns.bullets(v)),
                bullets(JsonColumns.secondColumn(v)), JsonColumns.table(v), source(JsonColumns.tableSource(v)),
                figure(JsonColumns.figure(v)), v.notes,
                quality == null ? null : new QualityNode(quality.passed(), quality.checks(), quality.actions(),
                        quality.fill()),
                v.generator, v.reason, v.createdBy, v.createdAt, v.generationId.toString());
    }

    private static List<BulletNode> bullets(List<Bullet> bullets) {
        return bullets.stream().map(b -> new BulletNode(b.text(), b.source() == null ? null : b.source().documentId(),
                b.source() == null ? null : b.source().page(), b.source() == null ? null : b.source().location()))
                .toList();
    }

    private static FigureNode figure(SlideFigure figure) {
        return figure == null ? null : new FigureNode(figure.documentId(), figure.documentTitle(), figure.mediaType(),
                figure.width(), figure.height(), figure.page(), figure.caption(), figure.altText(), figure.credit());
    }

    private static SourceNode source(SourceRef source) {
        return source == null ? null : new SourceNode(source.documentId(), source.page(), source.location());
    }
}
