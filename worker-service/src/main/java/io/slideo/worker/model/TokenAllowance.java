package io.slideo.worker.model;

import java.text.NumberFormat;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.slideo.runtime.quota.QuotaRefusals;
import io.slideo.runtime.quota.QuotaRefusals.Quota;
import io.slideo.worker.config.WorkerConfig;

/**
 * The daily model-token quota of a user. A request cannot know whether a deck will be written with a
 * model (the deployment's default may be offline) nor how many tokens it will take, so the quota is
 * applied here, before each model call: once spent, the call is refused as the model being
 * unavailable, the offline writer takes over, and the user is told why with the slide or plan.
 */
@ApplicationScoped
public class TokenAllowance {
    private final TokenLedger ledger;
    private final QuotaRefusals refusals;
    private final long perDay;

    TokenAllowance(TokenLedger ledger, QuotaRefusals refusals, WorkerConfig config) {
        this.ledger = ledger;
        this.refusals = refusals;
        this.perDay = config.model().tokensPerUserPerDay();
    }

    /** Throws {@link TokensSpent} when the user of this call spent today's tokens; calls for no user pass. */
    public void check(Usage usage) {
        if (usage == null || usage.userId() == null) {
            return;
        }
        long spent = ledger.spentToday(usage.userId());
        if (spent >= perDay) {
            refusals.count(Quota.TOKENS, usage.userId());
            NumberFormat number = NumberFormat.getIntegerInstance(Locale.ENGLISH);
            throw new TokensSpent("your " + number.format(perDay) + " model tokens for today are spent ("
                    + number.format(spent) + " used); the model writes for you again after 00:00 UTC");
        }
    }

    /** The user's tokens for today are spent: the model is, for this user, unavailable until the day turns. */
    public static class TokensSpent extends ModelUnavailable {
        TokensSpent(String message) {
            super(message, null);
        }
    }
}
