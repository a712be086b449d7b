package io.slideo.outbox;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import io.slideo.model.error.Outages;
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
    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause : Outages.causes(failure)) {
            if (cause instanceof MalformedEventException) {
                return false;
            }
            if (cause instanceof SlideoException slideo) {
                return Outages.isTransient(slideo.code());
            }
            if (cause instanceof WebApplicationException web) {
                int status = web.getResponse() == null ? 500 : web.getResponse().getStatus();
                return status >= 500 || status == 408 || status == 429;
            }
            if (cause instanceof DatabaseException database) {
                return Outages.isTransientSqlState(database.getSqlState());
            }
            if (Outages.isOutage(cause) || isFrameworkOutage(cause)) {
                return true;
            }
        }
        return false;
    }

    /** The reactive SQL client's, JAX-RS's and JPA's words for a dropped connection or a held lock. */
    private static boolean isFrameworkOutage(Throwable cause) {
        return cause instanceof ClosedConnectionException || cause instanceof ProcessingException
                || cause instanceof OptimisticLockException || cause instanceof PessimisticLockException
                || cause instanceof LockTimeoutException || cause instanceof QueryTimeoutException;
    }
}
