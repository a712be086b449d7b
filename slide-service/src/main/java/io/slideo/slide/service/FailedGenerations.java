package io.slideo.slide.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.slideo.model.event.GenerationFailed;
import io.slideo.model.ws.ErrorResponse;
import io.slideo.outbox.Outbox;
import io.slideo.slide.domain.DeckStatus;
import io.slideo.slide.domain.GenerationStatus;
import io.slideo.slide.repository.DeckRepository;
import io.slideo.slide.repository.GenerationRepository;
import io.smallrye.mutiny.Uni;

/**
 * A generation run the worker could not finish: the run and its deck are marked failed with the
 * reason, and the user who asked is told. The slides already written stay; a run that completes
 * later (asked again, or replayed) makes the deck complete again.
 */
@ApplicationScoped
public class FailedGenerations {
    private final GenerationRepository generations;
    private final DeckRepository decks;
    private final Outbox outbox;

    FailedGenerations(GenerationRepository generations, DeckRepository decks, Outbox outbox) {
        this.generations = generations;
        this.decks = decks;
        this.outbox = outbox;
    }

    /** Inside the consumer's transaction. */
    public Uni<Void> record(GenerationFailed failed) {
        return generations.lock(UUID.fromString(failed.generationId())).chain(generation -> {
            if (generation == null || generation.status == GenerationStatus.COMPLETE) {
                Log.infof("Failure of generation %s ignored: %s", failed.generationId(),
                        generation == null ? "unknown" : "already complete");
                return Uni.createFrom().voidItem();
            }
            generation.status = GenerationStatus.FAILED;
            return decks.findById(generation.deckId).chain(deck -> {
                if (deck.status == DeckStatus.GENERATING) {
                    deck.status = DeckStatus.FAILED;
                }
                deck.failureCode = failed.code().name();
                deck.failureMessage = failed.message();
                deck.updatedAt = Instant.now();
                Log.infof("Generation %s of deck %s failed: %s %s", generation.id, deck.id, failed.code(), failed.message());
                return outbox.notifyUser(generation.userId, generation.requestId, new ErrorResponse(failed.code(),
                        failed.message(), failed.code().retryable(), generation.requestId));
            });
        });
    }
}
