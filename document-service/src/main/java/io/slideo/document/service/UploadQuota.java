package io.slideo.document.service;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.slideo.document.config.DocumentConfig;
import io.slideo.document.repository.QuotaUsage;
import io.slideo.runtime.quota.QuotaRefusals;
import io.slideo.runtime.quota.QuotaRefusals.Quota;
import io.smallrye.mutiny.Uni;

/**
 * The per-user upload quotas: bytes stored, documents kept and worker time spent reading them this
 * hour. Each refusal says what is left and what frees it.
 */
@ApplicationScoped
public class UploadQuota {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final QuotaUsage usage;
    private final QuotaRefusals refusals;
    private final DocumentConfig.Quota limits;

    UploadQuota(QuotaUsage usage, QuotaRefusals refusals, DocumentConfig config) {
        this.usage = usage;
        this.limits = config.quota();
        this.refusals = refusals;
    }

    /** Before the upload is stored anywhere: refused early, so a spent quota costs no blob written and deleted. */
    public Uni<Void> beforeStoring(String userId, long sizeBytes) {
        return Panache.withSession(() -> parseTimeLeft(userId).chain(() -> roomFor(userId, sizeBytes)));
    }

    /**
     * Inside the transaction that records the upload: the check that counts, under a per-user lock, so
     * concurrent uploads of one user (on any instance) cannot both slip past a limit.
     */
    public Uni<Void> admit(String userId, long sizeBytes) {
        return usage.lockUser(userId).chain(() -> roomFor(userId, sizeBytes));
    }

    /** Inside the consumer's transaction: a worker read a document of this user for so long. */
    public Uni<Void> chargeParseTime(String userId, long millis) {
        return millis <= 0 ? Uni.createFrom().voidItem() : usage.chargeParseTime(userId, millis);
    }

    private Uni<Void> roomFor(String userId, long sizeBytes) {
        return usage.stored(userId).invoke(stored -> {
            if (stored.documents() >= limits.documents()) {
                throw refusals.refuse(Quota.DOCUMENTS, userId, "You keep " + stored.documents() + " documents, the most"
                        + " one user may keep (" + limits.documents() + "); delete one you no longer need, then upload"
                        + " this file again.");
            }
            long needed = stored.bytes() + sizeBytes - limits.storageBytes();
            if (needed > 0) {
                throw refusals.refuse(Quota.STORAGE, userId, "You store " + QuotaRefusals.bytes(stored.bytes())
                        + " of your " + QuotaRefusals.bytes(limits.storageBytes()) + "; this file ("
                        + QuotaRefusals.bytes(sizeBytes) + ") needs " + QuotaRefusals.bytes(needed)
                        + " more. Delete documents you no longer need, then upload it again.");
            }
        }).replaceWithVoid();
    }

    private Uni<Void> parseTimeLeft(String userId) {
        return usage.parseHour(userId).invoke(hour -> {
            Duration spent = Duration.ofMillis(hour.millis());
            if (spent.compareTo(limits.parseTimePerHour()) >= 0) {
                long minutesLeft = Math.max(1, (Duration.between(hour.now(), hour.hourEnds()).toSeconds() + 59) / 60);
                throw refusals.refuse(Quota.PARSE_TIME, userId, "Reading your documents took " + minutes(spent)
                        + " this hour, all of the " + minutes(limits.parseTimePerHour()) + " allowed per hour; uploads"
                        + " are accepted again at " + CLOCK.format(hour.hourEnds()) + " (in " + minutesLeft + " min).");
            }
        }).replaceWithVoid();
    }

    private static String minutes(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
    }
}
