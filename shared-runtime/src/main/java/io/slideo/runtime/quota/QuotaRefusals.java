package io.slideo.runtime.quota;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;

/**
 * The one way a service refuses work because a user's allowance is spent: a {@code QUOTA_EXCEEDED}
 * error whose message says what is left, counted in {@code slideo_quota_refusals_total{quota}}.
 */
@ApplicationScoped
public class QuotaRefusals {
    /** The per-user allowances; the metric's tag is the lower-case name. */
    public enum Quota {
        STORAGE, DOCUMENTS, GENERATION, PARSE_TIME, TOKENS;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;

    QuotaRefusals(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts the refusal and answers the error to fail with. */
    public SlideoException refuse(Quota quota, String userId, String message) {
        count(quota, userId);
        return new SlideoException(ErrorCode.QUOTA_EXCEEDED, message);
    }

    /** Counts a refusal answered in another way (the worker writing offline instead of with the model). */
    public void count(Quota quota, String userId) {
        Counter.builder("slideo.quota.refusals").description("Requests refused because a per-user quota was spent")
                .tag("quota", quota.tag()).register(registry).increment();
        Log.infof("Refused user %s: %s quota spent", userId, quota.tag());
    }

    /** A size as people read it: 180 MiB, 1.9 GiB, 512 KiB, 900 bytes. */
    public static String bytes(long bytes) {
        String[] units = { "KiB", "MiB", "GiB", "TiB" };
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = value >= 100 ? String.valueOf(Math.round(value)) : String.format(Locale.ROOT, "%.1f", value);
        return (number.endsWith(".0") ? number.substring(0, number.length() - 2) : number) + " " + units[unit];
    }
}
