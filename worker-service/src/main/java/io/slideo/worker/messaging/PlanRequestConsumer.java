package io.slideo.worker.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.slideo.model.event.EventCodec;
import io.slideo.worker.workflow.PlanningWorkflow;
import io.smallrye.common.annotation.Blocking;

/** Drafts an outline for every requested plan (reading results from the blob store blocks). */
@ApplicationScoped
public class PlanRequestConsumer {
    private final PlanningWorkflow planning;

    PlanRequestConsumer(PlanningWorkflow planning) {
        this.planning = planning;
    }

    @Incoming("plan-requested")
    @Blocking
    public void onPlanRequested(String record) {
        planning.run(EventCodec.decode(record));
    }
}
