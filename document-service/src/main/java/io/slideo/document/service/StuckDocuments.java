package io.slideo.document.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.slideo.model.error.ErrorCode;
import io.slideo.model.ws.FileProcessed;
import io.slideo.outbox.StuckWork;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Documents still not read after {@code slideo.documents.reading-patience} (long enough for the
 * largest scan a worker reads, page by page): failed with the reason, as an extraction failure is.
 * The patience counts from when a document was handed to the workers; one waiting its turn in the
 * {@link ExtractionQueue} waits on documents this watchdog already bounds.
 */
@ApplicationScoped
public class StuckDocuments implements StuckWork {
    private static final String FAIL_STUCK = """
            update document set status = 'FAILED', error_code = $2, error_message = $3, updated_at = now()
            where status = 'UPLOADED' and dispatched_at is not null and updated_at < $1
            returning id, user_id, file_name""";

    private final Duration patience;

    StuckDocuments(@ConfigProperty(name = "slideo.documents.reading-patience", defaultValue = "30m") Duration patience) {
        this.patience = patience;
    }

    @Override
    public String name() {
        return "documents";
    }

    @Override
    public Duration patience() {
        return patience;
    }

    @Override
    public Uni<List<Stuck>> failStuck(SqlClient transaction, OffsetDateTime cutoff) {
        String message = "Reading this document made no progress for " + patience.toMinutes()
                + " minutes, so it was stopped. Upload it again.";
        return transaction.preparedQuery(FAIL_STUCK).execute(Tuple.of(cutoff, ErrorCode.UNAVAILABLE.name(), message))
                .map(rows -> {
                    List<Stuck> stuck = new ArrayList<>();
                    for (Row row : rows) {
                        stuck.add(new Stuck(row.getString("user_id"), null, new FileProcessed(row.getUUID("id").toString(),
                                row.getString("file_name"), "failed", null, null, ErrorCode.UNAVAILABLE, message)));
                    }
                    return stuck;
                });
    }
}
