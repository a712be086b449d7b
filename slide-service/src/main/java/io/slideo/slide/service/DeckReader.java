package io.slideo.slide.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.slideo.model.error.SlideoException;
import io.slideo.slide.config.SlideConfig;
import io.slideo.slide.domain.Deck;
import io.slideo.slide.domain.JsonColumns;
import io.slideo.slide.domain.Slide;
import io.slideo.slide.domain.SlideVersion;
import io.slideo.slide.repository.DeckRepository;
import io.slideo.slide.repository.SlideRepository;
import io.slideo.slide.repository.SlideVersionRepository;
import io.smallrye.mutiny.Uni;

/** Reads decks for their owner, with slides and versions loaded in three queries, not one per slide. */
@ApplicationScoped
public class DeckReader {
    private final DeckRepository decks;
    private final SlideRepository slides;
    private final SlideVersionRepository versions;
    private final SlideConfig config;

    DeckReader(DeckRepository decks, SlideRepository slides, SlideVersionRepository versions, SlideConfig config) {
        this.decks = decks;
        this.slides = slides;
        this.versions = versions;
        this.config = config;
    }

    @WithSession
    public Uni<DeckDetails> details(String userId, UUID deckId) {
        return decks.findOwned(deckId, userId)
                .onItem().ifNull().failWith(() -> SlideoException.notFound("Deck", deckId))
                .chain(deck -> withSlides(List.of(deck)))
                .map(all -> all.get(0));
    }

    @WithSession
    public Uni<List<DeckDetails>> list(String userId) {
        return decks.listOwned(userId, config.listLimit()).chain(this::withSlides);
    }

    private Uni<List<DeckDetails>> withSlides(List<Deck> found) {
        if (found.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> deckIds = found.stream().map(d -> d.id).toList();
        return slides.ofDecks(deckIds).chain(allSlides -> {
            List<UUID> slideIds = allSlides.stream().map(s -> s.id).toList();
            Uni<List<SlideVersion>> allVersions = slideIds.isEmpty() ? Uni.createFrom().item(List.of())
                    : versions.ofSlides(slideIds);
            return allVersions.map(vs -> assemble(found, allSlides, vs));
        });
    }

    private static List<DeckDetails> assemble(List<Deck> found, List<Slide> allSlides, List<SlideVersion> allVersions) {
        Map<UUID, List<SlideVersion>> versionsBySlide = allVersions.stream()
                .collect(Collectors.groupingBy(v -> v.slideId));
        Map<UUID, List<Slide>> slidesByDeck = allSlides.stream().collect(Collectors.groupingBy(s -> s.deckId));
        List<DeckDetails> result = new ArrayList<>();
        for (Deck deck : found) {
            // A slide past the end of an edited plan (written by a run started before the edit) is not shown.
            int planned = JsonColumns.plannedSlides(deck).size();
            List<DeckDetails.SlideWithVersions> withVersions = slidesByDeck.getOrDefault(deck.id, List.of()).stream()
                    .filter(s -> versionsBySlide.containsKey(s.id) && s.slideIndex < planned)
                    .map(s -> new DeckDetails.SlideWithVersions(s, versionsBySlide.get(s.id)))
                    .toList();
            result.add(new DeckDetails(deck, withVersions));
        }
        return result;
    }
}
