package io.slideo.slide.api;

import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import graphql.GraphQL;
import graphql.execution.AsyncSerialExecutionStrategy;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import io.slideo.slide.config.SlideConfig;
import io.smallrye.graphql.execution.error.ExceptionHandler;

/**
 * Adjusts the GraphQL engine SmallRye builds (it fires its builder as a CDI event when
 * {@code quarkus.smallrye-graphql.events.enabled=true}).
 */
@Singleton
class GraphQLEngine {
    private final SlideConfig config;

    GraphQLEngine(SlideConfig config) {
        this.config = config;
    }

    void adjust(@Observes GraphQL.Builder builder) {
        // SmallRye's own instrumentations (depth, complexity, its query cache) stay first in the chain.
        Instrumentation smallRyes = builder.build().getInstrumentation();
        builder.instrumentation(new ChainedInstrumentation(List.of(smallRyes,
                new AliasLimit(config.graphql().maxAliases()), new GraphQLErrorShape())));
        // Root fields of a query take turns. graphql-java starts them all at once by default, but the
        // resolvers read through Hibernate Reactive, whose session belongs to the request's Vert.x
        // context: two @WithSession calls started together share one session, which a reactive
        // session does not allow ("Illegal pop()", then "Session is closed": every field INTERNAL).
        // In turn, each field opens and closes a session of its own on one connection.
        builder.queryExecutionStrategy(new AsyncSerialExecutionStrategy(new ExceptionHandler()));
    }
}
