package io.slideo.content.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.slideo.model.error.ErrorCode;
import io.slideo.model.ws.ErrorResponse;
import io.slideo.outbox.StuckWork;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Plans still drafting after {@code slideo.plans.drafting-patience}: failed with the reason, as a
 * worker's own failure does (PlanService#recordFailure); a draft that arrives later still makes the plan ready.
 */
@ApplicationScoped
public class StuckPlans implements StuckWork {
    private static final String FAIL_STUCK = """
            update plan set status = 'FAILED', failure_code = $2, failure_message = $3, updated_at = now()
            where status = 'DRAFTING' and updated_at < $1
            returning user_id, request_id""";

    private final Duration patience;

    StuckPlans(@ConfigProperty(name = "slideo.plans.drafting-patience", defaultValue = "10m") Duration patience) {
        this.patience = patience;
    }

    @Override
    public String name() {
        return "plans";
    }

    @Override
    public Duration patience() {
        return patience;
    }

    @Override
    public Uni<List<Stuck>> failStuck(SqlClient transaction, OffsetDateTime cutoff) {
        String message = "Drafting this plan made no progress for " + patience.toMinutes()
                + " minutes, so it was stopped. Ask for the plan again.";
        return transaction.preparedQuery(FAIL_STUCK).execute(Tuple.of(cutoff, ErrorCode.UNAVAILABLE.name(), message))
                .map(rows -> {
                    List<Stuck> stuck = new ArrayList<>();
                    for (Row row : rows) {
                        String requestId = row.getString("request_id");
                        stuck.add(new Stuck(row.getString("user_id"), requestId,
                                new ErrorResponse(ErrorCode.UNAVAILABLE, message, true, requestId)));
                    }
                    return stuck;
                });
    }
}
