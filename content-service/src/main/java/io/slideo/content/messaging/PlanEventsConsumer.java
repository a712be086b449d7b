package io.slideo.content.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.slideo.content.service.PlanService;
import io.slideo.model.event.PlanDrafted;
import io.slideo.model.event.PlanFailed;
import io.slideo.outbox.ProcessedEvents;
import io.smallrye.mutiny.Uni;

/**
 * Stores a worker's outline and announces the deck it defines, or marks the plan failed when the
 * worker could not draft it; duplicates change nothing.
 */
@ApplicationScoped
public class PlanEventsConsumer {
    private final ProcessedEvents processed;
    private final PlanService plans;

    PlanEventsConsumer(ProcessedEvents processed, PlanService plans) {
        this.processed = processed;
        this.plans = plans;
    }

    @Incoming("plan-drafted")
    public Uni<Void> onDrafted(String record) {
        return processed.once(record, "plan-drafted",
                event -> plans.recordDraft(event.payloadAs(PlanDrafted.class)));
    }

    @Incoming("plan-failed")
    public Uni<Void> onFailed(String record) {
        return processed.once(record, "plan-failed",
                event -> plans.recordFailure(event.userId(), event.payloadAs(PlanFailed.class)));
    }
}
