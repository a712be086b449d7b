package io.slideo.worker.workflow;

import java.util.Map;

import org.bsc.langgraph4j.CompileConfig;
import org.bsc.langgraph4j.CompiledGraph;
import org.bsc.langgraph4j.GraphInput;
import org.bsc.langgraph4j.GraphStateException;
import org.bsc.langgraph4j.RunnableConfig;
import org.bsc.langgraph4j.StateGraph;

import io.quarkus.logging.Log;
import io.slideo.worker.tracing.WorkSpans;

/**
 * Runs a workflow on its thread (one per plan or generation run): a new run starts from the
 * beginning, an interrupted one resumes from its newest checkpoint, a finished one is not run again.
 */
final class Workflows {
    private Workflows() {
    }

    static CompiledGraph<WorkflowState> compile(StateGraph<WorkflowState> graph, PostgresCheckpointSaver saver) {
        try {
            // Every step runs under a span of its own, whichever workflow it belongs to.
            return graph.addWrapCallNodeHook(WorkSpans.steps())
                    .compile(CompileConfig.builder().checkpointSaver(saver).releaseThread(true).build());
        } catch (GraphStateException e) {
            throw new IllegalStateException("The workflow graph is not valid: " + e.getMessage(), e);
        }
    }

    static void run(CompiledGraph<WorkflowState> graph, PostgresCheckpointSaver saver, String threadId,
            Map<String, Object> input) {
        if (saver.released(threadId)) {
            Log.infof("Workflow %s already finished; nothing to do", threadId);
            return;
        }
        RunnableConfig config = RunnableConfig.builder().threadId(threadId).build();
        if (saver.resumable(threadId)) {
            Log.infof("Resuming workflow %s from its checkpoint", threadId);
            graph.invoke(GraphInput.resume(), config);
        } else {
            graph.invoke(GraphInput.args(input), config);
        }
    }
}
