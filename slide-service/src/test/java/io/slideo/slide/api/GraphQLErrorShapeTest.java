package io.slideo.slide.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.execution.ResultPath;
import graphql.language.SourceLocation;
import io.slideo.model.error.SlideoException;

class GraphQLErrorShapeTest {
    private final Logger logger = Logger.getLogger(GraphQLErrorShape.class.getName());
    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        logger.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(capture);
    }

    @Test
    void anUnexpectedResolverFailureIsLoggedOnceWithItsStackTraceAndAnsweredWithoutClassNames() {
        IllegalStateException failure = new IllegalStateException(
                "Illegal pop() with non-matching org.hibernate.sql.results.jdbc.spi.JdbcValuesSourceProcessingState");

        GraphQLError shaped = only(GraphQLErrorShape.shaped(result(failure, "decks"), "req-9"));

        assertEquals(1, logged.size(), "logged once");
        assertSame(failure, logged.get(0).getThrown(), "with its stack trace");
        assertTrue(logged.get(0).getLevel().intValue() >= Level.SEVERE.intValue());
        assertTrue(((ExtLogRecord) logged.get(0)).getFormattedMessage().contains("req-9"), "the log names the request");
        Map<String, Object> error = error(shaped);
        assertEquals(Map.of("code", "INTERNAL", "message", GraphQLErrorShape.UNEXPECTED, "retryable", true,
                "request_id", "req-9"), error);
        assertEquals(GraphQLErrorShape.UNEXPECTED, shaped.getMessage());
        assertFalse(shaped.toSpecification().toString().contains("java.") || shaped.toSpecification().toString()
                .contains("org.hibernate") || shaped.toSpecification().toString().contains("Exception:"));
        assertEquals(List.of("decks"), shaped.getPath());
    }

    @Test
    void aRefusalOfOursKeepsItsCodeAndMessageAndIsNotLoggedAsAFailure() {
        Throwable wrapped = new CompletionException(SlideoException.notFound("Deck", "d-1"));

        GraphQLError shaped = only(GraphQLErrorShape.shaped(result(wrapped, "deck"), "req-10"));

        assertEquals(Map.of("code", "NOT_FOUND", "message", "Deck d-1 does not exist", "retryable", false,
                "request_id", "req-10"), error(shaped));
        assertEquals("Deck d-1 does not exist", shaped.getMessage());
        assertTrue(logged.isEmpty());
    }

    @Test
    void theRequestIdIsTheClientsWhateverTheCaseOfTheHeaderOrANewOne() {
        GraphQLContext sent = GraphQLContext.newContext()
                .of(GraphQLErrorShape.HTTP_HEADERS, Map.of("x-request-id", List.of("req-lower"))).build();
        assertEquals("req-lower", GraphQLErrorShape.requestId(sent));
        GraphQLContext none = GraphQLContext.newContext().of(GraphQLErrorShape.HTTP_HEADERS, Map.of()).build();
        UUID.fromString(GraphQLErrorShape.requestId(none));
    }

    private static ExecutionResult result(Throwable failure, String field) {
        return ExecutionResultImpl.newExecutionResult()
                .addError(new ExceptionWhileDataFetching(ResultPath.parse("/" + field), failure, new SourceLocation(1, 3)))
                .build();
    }

    private static GraphQLError only(ExecutionResult result) {
        assertEquals(1, result.getErrors().size());
        return result.getErrors().get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> error(GraphQLError shaped) {
        return (Map<String, Object>) shaped.getExtensions().get("error");
    }
}
