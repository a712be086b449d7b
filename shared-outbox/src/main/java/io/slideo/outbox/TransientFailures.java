package io.slideo.outbox;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Set;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;
import io.slideo.model.event.EventCodec.MalformedEventException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

/**
 * Tells a failure that may pass (a database, Redis or upstream service that is down, restarting or
 * overloaded; a lock held by a concurrent writer) from one that will recur on every attempt (an
 * unreadable record, an invalid payload, a bug). Only the first kind is worth retrying.
 */
public final class TransientFailures {
    // PostgreSQL SQLSTATE classes and codes that describe the server or the connection, not the query:
    // 08 connection exception, 53 insufficient resources, 57P admin shutdown / cannot connect now,
    // 40001 serialization failure, 40P01 deadlock, 55P03 lock not available.
    private static final Set<String> TRANSIENT_SQL_CLASSES = Set.of("08", "53");
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("57P01", "57P02", "57P03", "40001", "40P01", "55P03");
    // Named, not imported: timeouts and open circuits come from Mutiny, java.util.concurrent, Vert.x
    // and MicroProfile Fault Tolerance alike, and this module depends on none but the first two.
    private static final Set<String> TRANSIENT_SIMPLE_NAMES = Set.of("TimeoutException", "NoStackTraceTimeoutException",
            "CircuitBreakerOpenException", "BulkheadException", "ConnectTimeoutException", "HttpClosedException");

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause : CauseChain.of(failure)) {
            if (cause instanceof MalformedEventException) {
                return false;
            }
            if (cause instanceof SlideoException slideo) {
                return isTransient(slideo.code());
            }
            if (cause instanceof WebApplicationException web) {
                int status = web.getResponse() == null ? 500 : web.getResponse().getStatus();
                return status >= 500 || status == 408 || status == 429;
            }
            if (cause instanceof DatabaseException database) {
                return isTransientSqlState(database.getSqlState());
            }
            if (isOutage(cause) || TRANSIENT_SIMPLE_NAMES.contains(cause.getClass().getSimpleName())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransient(ErrorCode code) {
        return code == ErrorCode.UNAVAILABLE || code == ErrorCode.RATE_LIMITED || code == ErrorCode.CONNECTION_LIMIT
                || code == ErrorCode.CONFLICT;
    }

    private static boolean isTransientSqlState(String state) {
        return state != null && state.length() == 5
                && (TRANSIENT_SQL_CLASSES.contains(state.substring(0, 2)) || TRANSIENT_SQL_STATES.contains(state));
    }

    private static boolean isOutage(Throwable cause) {
        return cause instanceof ConnectException || cause instanceof SocketException
                || cause instanceof UnknownHostException || cause instanceof ClosedChannelException
                || cause instanceof EOFException || cause instanceof ClosedConnectionException
                || cause instanceof ProcessingException || cause instanceof OptimisticLockException
                || cause instanceof PessimisticLockException || cause instanceof LockTimeoutException
                || cause instanceof QueryTimeoutException;
    }
}
