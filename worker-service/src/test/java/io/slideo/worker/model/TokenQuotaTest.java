package io.slideo.worker.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.deck.SourceRef;
import io.slideo.model.document.Block;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.Section;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.GenerationRequested;
import io.slideo.model.event.SlideGenerated;
import io.slideo.model.event.Topic;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.KafkaTestClient;
import io.slideo.testing.TestTokens;
import io.slideo.worker.repository.ExtractionResults;
import io.slideo.worker.workflow.WritingWorkflow;

/** The daily model-token quota: a user whose tokens are spent gets the deck written offline, and is told why. */
@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeModelServerResource.class, restrictToAnnotatedClass = true)
class TokenQuotaTest {
    private static final String MODEL = "fake-normal";
    @Inject
    WritingWorkflow writing;
    @Inject
    ExtractionResults results;
    @Inject
    TokenLedger ledger;
    @Inject
    MeterRegistry registry;

    @Test
    void aUserWhoseTokensForTodayAreSpentGetsTheDeckWrittenOfflineAndIsToldWhy() {
        String spender = TestTokens.newUser();
        // The default quota (2,000,000 a day), spent by earlier decks of this user today.
        ledger.call("slide-write@v1", MODEL, "ok", new TokenLedger.Tokens(1_500_000, 500_100), Duration.ZERO,
                new Usage(spender, null));
        String documentId = storedDocument();

        List<SlideGenerated> offline = writeDeck(spender, documentId);
        assertEquals(3, offline.size());
        for (SlideGenerated slide : offline) {
            assertEquals(WritingWorkflow.FALLBACK, slide.generator(), "written offline once the tokens are spent");
            assertTrue(slide.quality().actions().stream().anyMatch(a -> a.contains("offline writer")
                    && a.contains("your 2,000,000 model tokens for today are spent (2,000,100 used)")
                    && a.contains("after 00:00 UTC")), slide.quality().actions().toString());
        }
        assertTrue(registry.find("slideo.quota.refusals").tag("quota", "tokens").counter().count() >= 3,
                "each refused model call counted");

        String other = TestTokens.newUser();
        List<SlideGenerated> written = writeDeck(other, documentId);
        assertTrue(written.stream().allMatch(s -> ("model:" + MODEL).equals(s.generator())),
                "another user's deck is still written with the model: " + written.stream().map(SlideGenerated::generator).toList());
        assertTrue(ledger.spentToday(other) > 0, "the other user's tokens are counted for the day");
    }

    private List<SlideGenerated> writeDeck(String user, String documentId) {
        String deckId = UUID.randomUUID().toString();
        String generationId = UUID.randomUUID().toString();
        String[] titles = { "Car parts", "Engines", "Brakes" };
        List<PlannedSlide> slides = new ArrayList<>();
        for (int i = 0; i < titles.length; i++) {
            slides.add(new PlannedSlide(i, titles[i], i == 0 ? SlideLayout.TITLE : SlideLayout.BULLETS,
                    List.of(titles[i] + " matter for safety in many ways"), List.of(new SourceRef(documentId, i + 1))));
        }
        writing.run(EventEnvelope.of(Topic.GENERATION_REQUESTED, deckId, user, new GenerationRequested(deckId, generationId,
                "req-" + generationId, "Car parts " + user, null, List.of(documentId), slides, null, MODEL)));
        return KafkaTestClient.await(Topic.SLIDE_GENERATED, e -> e.aggregateId().equals(deckId), titles.length,
                Duration.ofSeconds(60)).stream().map(e -> e.payloadAs(SlideGenerated.class))
                .filter(s -> s.generationId().equals(generationId)).toList();
    }

    /** A document of its own, so no answer comes from the cache. */
    private String storedDocument() {
        String id = UUID.randomUUID().toString();
        List<Section> sections = new ArrayList<>();
        String[] topics = { "Engines", "Brakes", "Tyres" };
        for (int s = 0; s < topics.length; s++) {
            List<Block> blocks = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                blocks.add(Block.paragraph(topics[s] + " matter for safety in many ways, reason number " + i
                        + " being that drivers rely on " + topics[s].toLowerCase() + " every day.", s + 1));
            }
            sections.add(new Section(topics[s], 1, s + 1, s + 1, blocks));
        }
        results.store(new ExtractedDocument(id, "Car parts " + id, "en", "application/pdf", 6, 4000, Map.of(), sections));
        return id;
    }
}
