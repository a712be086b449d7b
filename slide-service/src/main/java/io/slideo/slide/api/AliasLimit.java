package io.slideo.slide.api;

import java.util.concurrent.atomic.AtomicInteger;

import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.ExecutionResult;

/**
 * Refuses an operation with more aliased fields than allowed: each alias runs its field again, so
 * {@code {a: decks{..} b: decks{..} ...}} multiplies the work of one request. Fragments are
 * counted where they are spread.
 */
final class AliasLimit extends SimplePerformantInstrumentation {
    private final int maxAliases;

    AliasLimit(int maxAliases) {
        this.maxAliases = maxAliases;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        int aliases = aliasesIn(parameters.getExecutionContext());
        if (aliases > maxAliases) {
            throw new LimitExceeded("The query uses " + aliases + " aliases; the maximum number of aliases is "
                    + maxAliases);
        }
        return super.beginExecuteOperation(parameters, state);
    }

    static int aliasesIn(ExecutionContext execution) {
        AtomicInteger aliases = new AtomicInteger();
        QueryTraverser.newQueryTraverser()
                .schema(execution.getGraphQLSchema())
                .document(execution.getDocument())
                .operationName(execution.getOperationDefinition().getName())
                .coercedVariables(execution.getCoercedVariables())
                .build()
                .visitPreOrder(new QueryVisitorStub() {
                    @Override
                    public void visitField(QueryVisitorFieldEnvironment field) {
                        if (field.getField().getAlias() != null) {
                            aliases.incrementAndGet();
                        }
                    }
                });
        return aliases.get();
    }

    /** A query over one of our own limits; its message names the limit and its value. */
    static final class LimitExceeded extends AbortExecutionException {
        LimitExceeded(String message) {
            super(message);
        }
    }
}
