package io.slideo.worker.workflow;

import java.util.Map;

import org.bsc.langgraph4j.state.AgentState;

import io.slideo.model.event.EventCodec;
import io.slideo.model.event.EventEnvelope;

/**
 * The state a workflow carries from step to step and into its checkpoints. It holds JSON values
 * only: the event that started the run (as JSON text) and what the steps add.
 */
public class WorkflowState extends AgentState {
    public static final String EVENT = "event";

    public WorkflowState(Map<String, Object> data) {
        super(data);
    }

    public EventEnvelope event() {
        return EventCodec.decode(this.<String>value(EVENT).orElseThrow());
    }

    public static Map<String, Object> start(EventEnvelope event) {
        return Map.of(EVENT, EventCodec.encode(event));
    }
}
