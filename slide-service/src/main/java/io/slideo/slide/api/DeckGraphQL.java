package io.slideo.slide.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.slideo.runtime.security.CurrentUser;
import io.slideo.slide.domain.JsonColumns;
import io.slideo.slide.domain.SlideVersion;
import io.slideo.slide.service.DeckDetails;
import io.slideo.slide.service.DeckReader;
import io.smallrye.mutiny.Uni;

/** Decks with the whole history of every slide. A deck of another user is NOT_FOUND, as over REST. */
@GraphQLApi
public class DeckGraphQL {
    private final DeckReader reader;
    private final CurrentUser user;

    DeckGraphQL(DeckReader reader, CurrentUser user) {
        this.reader = reader;
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

    @Name("Deck")
    public record DeckNode(@Id String id, String title, String status, String themeId, int planRevision,
            Instant createdAt, Instant updatedAt, List<@NonNull SlideNode> slides) {
    }

    @Name("Slide")
    public record SlideNode(int index, int currentVersion, String title, List<@NonNull VersionNode> versions) {
    }

    @Name("SlideVersion")
    @Description("One version of a slide: who wrote it, when and why")
    public record VersionNode(int version, String title, String layout, List<@NonNull BulletNode> bullets, String notes,
            String generator, String reason, String createdBy, Instant createdAt, String generationId) {
    }

    @Name("Bullet")
    public record BulletNode(String text, String documentId, Integer page) {
    }

    private static DeckNode node(DeckDetails details) {
        var deck = details.deck();
        List<SlideNode> slides = details.slides().stream()
                .map(s -> new SlideNode(s.slide().slideIndex, s.slide().currentVersion, s.current().title,
                        s.versions().stream().map(DeckGraphQL::node).toList()))
                .toList();
        return new DeckNode(deck.id.toString(), deck.title, deck.status.name().toLowerCase(), JsonColumns.theme(deck).id(),
                deck.planRevision, deck.createdAt, deck.updatedAt, slides);
    }

    private static VersionNode node(SlideVersion v) {
        List<BulletNode> bullets = JsonColumns.bullets(v).stream()
                .map(b -> new BulletNode(b.text(), b.source() == null ? null : b.source().documentId(),
                        b.source() == null ? null : b.source().page()))
                .toList();
        return new VersionNode(v.version, v.title, v.layout, bullets, v.notes, v.generator, v.reason, v.createdBy,
                v.createdAt, v.generationId.toString());
    }
}
