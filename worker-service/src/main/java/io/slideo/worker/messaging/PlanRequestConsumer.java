package io.slideo.worker.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.slideo.model.event.EventCodec;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.PlanFailed;
import io.slideo.model.event.PlanRequested;
import io.slideo.model.event.Topic;
import io.slideo.worker.workflow.PlanningWorkflow;
import io.smallrye.common.annotation.Blocking;

/** Drafts an outline for every requested plan (reading results from the blob store blocks). */
@ApplicationScoped
public class PlanRequestConsumer {
    private final PlanningWorkflow planning;
    private final FailedWork failures;
    private final EventPublisher events;

    PlanRequestConsumer(PlanningWorkflow planning, FailedWork failures, EventPublisher events) {
        this.planning = planning;
        this.failures = failures;
        this.events = events;
    }

    @Incoming("plan-requested")
    @Blocking
    public void onPlanRequested(String record) {
        EventEnvelope event = EventCodec.decode(record);
        failures.run("plan-requested", event, () -> planning.run(event), (failed, code, message) -> {
            PlanRequested request = failed.payloadAs(PlanRequested.class);
            events.publish(Topic.PLAN_FAILED, request.planId(), failed.userId(),
                    new PlanFailed(request.planId(), request.requestId(), code, message), failed, "failed");
        });
    }
}
