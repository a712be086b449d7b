package io.slideo.model.error;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the JDK alone can tell about a failure: whether it is an outage that may pass (a connection
 * refused or dropped, a database restarting or overloaded, a lock held by a concurrent writer, a
 * timeout) rather than a fault that recurs on every attempt. Each service adds its frameworks' own
 * kinds (shared-outbox's TransientFailures, the worker's FailedWork).
 */
public final class Outages {
    private static final int DEEPEST = 16;
    // PostgreSQL SQLSTATE classes and codes that describe the server or the connection, not the query:
    // 08 connection exception, 53 insufficient resources, 57P admin shutdown / cannot connect now,
    // 40001 serialization failure, 40P01 deadlock, 55P03 lock not available.
    private static final Set<String> TRANSIENT_SQL_CLASSES = Set.of("08", "53");
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("57P01", "57P02", "57P03", "40001", "40P01", "55P03");
    // Named, not imported: timeouts and open circuits come from Mutiny, java.util.concurrent, Vert.x,
    // Netty and MicroProfile Fault Tolerance alike.
    private static final Set<String> TRANSIENT_SIMPLE_NAMES = Set.of("TimeoutException", "NoStackTraceTimeoutException",
            "CircuitBreakerOpenException", "BulkheadException", "ConnectTimeoutException", "HttpClosedException",
            "ClosedConnectionException", "RedisConnectionException");

    private Outages() {
    }

    /** A failure and the causes it wraps (a CompletionException around a HibernateException around ...). */
    public static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && chain.size() < DEEPEST && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    /** This one failure (not its causes) is an outage the JDK or a timeout names. */
    public static boolean isOutage(Throwable cause) {
        return cause instanceof ConnectException || cause instanceof SocketException
                || cause instanceof SocketTimeoutException || cause instanceof UnknownHostException
                || cause instanceof ClosedChannelException || cause instanceof EOFException
                || cause instanceof SQLTransientException
                || cause instanceof SQLException sql && isTransientSqlState(sql.getSQLState())
                || TRANSIENT_SIMPLE_NAMES.contains(cause.getClass().getSimpleName());
    }

    public static boolean isTransientSqlState(String state) {
        return state != null && state.length() == 5
                && (TRANSIENT_SQL_CLASSES.contains(state.substring(0, 2)) || TRANSIENT_SQL_STATES.contains(state));
    }

    /** A code that says "try again later" rather than "this request is wrong". */
    public static boolean isTransient(ErrorCode code) {
        return code == ErrorCode.UNAVAILABLE || code == ErrorCode.RATE_LIMITED || code == ErrorCode.CONNECTION_LIMIT
                || code == ErrorCode.CONFLICT;
    }
}
