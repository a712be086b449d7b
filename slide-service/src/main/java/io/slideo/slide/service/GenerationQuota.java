package io.slideo.slide.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.slideo.runtime.quota.QuotaRefusals;
import io.slideo.runtime.quota.QuotaRefusals.Quota;
import io.slideo.slide.config.SlideConfig;
import io.slideo.slide.repository.DecksInWriting;
import io.smallrye.mutiny.Uni;

/** How many decks one user may have being written at once. */
@ApplicationScoped
public class GenerationQuota {
    private final DecksInWriting writing;
    private final QuotaRefusals refusals;
    private final SlideConfig.Quota limits;

    GenerationQuota(DecksInWriting writing, QuotaRefusals refusals, SlideConfig config) {
        this.writing = writing;
        this.refusals = refusals;
        this.limits = config.quota();
    }

    /**
     * Inside the transaction that starts the work: refused while the user has as many decks being written
     * as allowed. Under a per-user lock, so concurrent requests (on any instance) cannot both slip past.
     */
    public Uni<Void> admit(String userId) {
        return writing.lockUser(userId)
                .chain(() -> writing.count(userId, Instant.now().minus(limits.planAwaited())))
                .invoke(running -> {
                    if (running >= limits.decksWriting()) {
                        throw refusals.refuse(Quota.GENERATION, userId, "You have " + running + " decks being"
                                + " written, the most one user may have at once (" + limits.decksWriting() + "); one"
                                + " must finish before another starts. Ask again once a deck_complete arrives.");
                    }
                }).replaceWithVoid();
    }
}
