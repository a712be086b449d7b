package io.slideo.slide.service;

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
 * Generation runs that stopped: no slide stored for longer than {@code slideo.decks.writing-patience}
 * (a worker lost, its request dead-lettered unseen). The run and its deck fail with the reason, as a
 * worker's own failure does ({@link FailedGenerations}); slides already written stay, and a late
 * completion still makes the deck complete.
 */
@ApplicationScoped
public class StuckGenerations implements StuckWork {
    private static final String FAIL_STUCK = """
            with stuck as (
                update generation g set status = 'FAILED'
                where g.status = 'RUNNING'
                  and greatest(g.created_at, coalesce((select max(v.created_at) from slide_version v
                                                        where v.generation_id = g.id), g.created_at)) < $1
                returning g.id, g.deck_id, g.user_id, g.request_id),
            decks as (
                update deck d set status = case when d.status = 'GENERATING' then 'FAILED' else d.status end,
                    failure_code = $2, failure_message = $3, updated_at = now()
                from stuck where d.id = stuck.deck_id
                returning d.id)
            select stuck.user_id, stuck.request_id from stuck""";

    private final Duration patience;

    StuckGenerations(@ConfigProperty(name = "slideo.decks.writing-patience", defaultValue = "10m") Duration patience) {
        this.patience = patience;
    }

    @Override
    public String name() {
        return "generations";
    }

    @Override
    public Duration patience() {
        return patience;
    }

    @Override
    public Uni<List<Stuck>> failStuck(SqlClient transaction, OffsetDateTime cutoff) {
        String message = "Writing this deck made no progress for " + patience.toMinutes()
                + " minutes, so it was stopped. The slides already written are kept; ask for the deck again to finish it.";
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
