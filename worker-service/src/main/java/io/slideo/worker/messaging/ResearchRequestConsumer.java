package io.slideo.worker.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.slideo.model.event.EventCodec;
import io.slideo.worker.service.ResearchService;
import io.smallrye.common.annotation.Blocking;

/** Answers every research request (the calls to the research services block). */
@ApplicationScoped
public class ResearchRequestConsumer {
    private final ResearchService research;

    ResearchRequestConsumer(ResearchService research) {
        this.research = research;
    }

    @Incoming("research-requested")
    @Blocking
    public void onResearchRequested(String record) {
        research.answer(EventCodec.decode(record));
    }
}
