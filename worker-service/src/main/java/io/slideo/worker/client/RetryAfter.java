package io.slideo.worker.client;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each server (scheme, host and port) said it may be called again, from its last
 * {@code Retry-After}: retries towards it wait until then, so one 429 slows every caller of that
 * server, not only the one that received it.
 */
public final class RetryAfter {
    private static final Map<String, Instant> NOT_BEFORE = new ConcurrentHashMap<>();

    private RetryAfter() {
    }

    /** Records a Retry-After header (seconds, or an HTTP date) received from {@code uri}'s server. */
    public static void note(URI uri, String header) {
        if (header == null || header.isBlank() || uri == null) {
            return;
        }
        Instant until;
        try {
            until = Instant.now().plusMillis((long) (Double.parseDouble(header.strip()) * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                until = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException notADate) {
                return;
            }
        }
        NOT_BEFORE.merge(server(uri), until, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** How long to wait before calling {@code uri}'s server again; zero when it said nothing. */
    public static Duration remaining(URI uri) {
        Instant until = NOT_BEFORE.get(server(uri));
        if (until == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(Instant.now(), until);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Waits out the server's Retry-After, at most {@code longest}; false when it asked for longer. */
    public static boolean await(URI uri, Duration longest) {
        Duration left = remaining(uri);
        if (left.compareTo(longest) > 0) {
            return false;
        }
        if (!left.isZero()) {
            try {
                Thread.sleep(left.toMillis() + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return true;
    }

    private static String server(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    }
}
