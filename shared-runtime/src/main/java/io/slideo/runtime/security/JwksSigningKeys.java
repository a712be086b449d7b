package io.slideo.runtime.security;

import java.io.IOException;
import java.security.Key;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.jose4j.http.Get;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

import io.quarkus.logging.Log;

/**
 * The public keys an identity provider publishes at its JWKS URL, fetched when first needed and
 * cached (jose4j's {@link HttpsJwks}: the response's Cache-Control, else the configured duration;
 * the old keys kept while a fetch fails). A token whose {@code kid} is not among them makes the set
 * fetch again, at most once per {@code minRefreshInterval}, so a rotated key is picked up without a
 * restart while a stream of made-up kids costs the provider one request per interval.
 */
final class JwksSigningKeys {
    private final HttpsJwks jwks;
    private final long minRefreshMillis;
    private final LongSupplier clock;
    private final AtomicLong lastForcedRefresh = new AtomicLong(Long.MIN_VALUE);
    /** Until when a failed fetch is not tried again, so requests do not queue up behind a provider that is down. */
    private volatile long unavailableUntil = Long.MIN_VALUE;
    private final VerificationJwkSelector selector = new VerificationJwkSelector();

    JwksSigningKeys(String url, Duration cacheDuration, Duration minRefreshInterval, Duration timeout) {
        this(url, cacheDuration, minRefreshInterval, timeout, System::currentTimeMillis);
    }

    JwksSigningKeys(String url, Duration cacheDuration, Duration minRefreshInterval, Duration timeout,
            LongSupplier clock) {
        Get get = new Get();
        get.setConnectTimeout((int) timeout.toMillis());
        get.setReadTimeout((int) timeout.toMillis());
        // One retry, not jose4j's three: a request waits on this fetch.
        get.setRetries(1);
        this.jwks = new HttpsJwks(url);
        this.jwks.setSimpleHttpGet(get);
        this.jwks.setDefaultCacheDuration(cacheDuration.toSeconds());
        this.jwks.setRetainCacheOnErrorDuration(cacheDuration.toSeconds());
        // Refreshes are rate-limited here, per unknown kid; jose4j's own 300 ms reprieve would swallow
        // the refresh asked for right after a first fetch.
        this.jwks.setRefreshReprieveThreshold(0);
        this.minRefreshMillis = minRefreshInterval.toMillis();
        this.clock = clock;
    }

    /** The published key for this token's {@code kid} and algorithm; refused when there is none. */
    Key keyFor(JsonWebSignature jws) throws UnresolvableKeyException {
        JsonWebKey key = select(jws, cachedKeys());
        if (key == null && mayRefreshNow()) {
            Log.infof("No published key with kid %s; fetching %s again", printable(jws.getKeyIdHeaderValue()),
                    jwks.getLocation());
            key = select(jws, refreshedKeys());
        }
        if (key == null) {
            throw new UnresolvableKeyException("No key with kid " + printable(jws.getKeyIdHeaderValue()) + " for "
                    + printable(jws.getAlgorithmHeaderValue()) + " at " + jwks.getLocation());
        }
        return ((PublicJsonWebKey) key).getPublicKey();
    }

    /**
     * The cached keys, fetched if there are none yet or they are stale. Once keys were fetched, jose4j
     * keeps them through failed fetches; before that, a failure is not retried for an interval.
     */
    private List<JsonWebKey> cachedKeys() throws UnresolvableKeyException {
        if (clock.getAsLong() < unavailableUntil) {
            throw new UnresolvableKeyException("Signing keys at " + jwks.getLocation() + " could not be fetched moments ago");
        }
        try {
            return jwks.getJsonWebKeys();
        } catch (JoseException | IOException e) {
            unavailableUntil = clock.getAsLong() + minRefreshMillis;
            throw unavailable(e);
        }
    }

    private List<JsonWebKey> refreshedKeys() throws UnresolvableKeyException {
        try {
            jwks.refresh();
            return jwks.getJsonWebKeys();
        } catch (JoseException | IOException e) {
            throw unavailable(e);
        }
    }

    private boolean mayRefreshNow() {
        long now = clock.getAsLong();
        long last = lastForcedRefresh.get();
        boolean due = last == Long.MIN_VALUE || now - last >= minRefreshMillis;
        return due && lastForcedRefresh.compareAndSet(last, now);
    }

    /**
     * A public key with the token's kid whose type, curve and declared {@code alg} (if any) fit the
     * token's algorithm: jose4j's selector checks all of these; secret ("oct") entries never qualify.
     */
    private JsonWebKey select(JsonWebSignature jws, List<JsonWebKey> keys) throws UnresolvableKeyException {
        List<JsonWebKey> fitting = keys.stream().filter(key -> key instanceof PublicJsonWebKey).toList();
        try {
            return selector.select(jws, fitting);
        } catch (JoseException e) {
            throw new UnresolvableKeyException("The token's header names no usable key: " + e.getMessage(), e);
        }
    }

    private UnresolvableKeyException unavailable(Exception cause) {
        Log.warnf("Signing keys at %s are unavailable: %s", jwks.getLocation(), cause.toString());
        return new UnresolvableKeyException("Signing keys at " + jwks.getLocation() + " are unavailable", cause);
    }

    /** A header value as it may go into a log line: printable ASCII, at most 80 characters. */
    static String printable(String headerValue) {
        if (headerValue == null) {
            return "(none)";
        }
        String clean = headerValue.replaceAll("[^\\x20-\\x7E]", "?");
        return clean.length() > 80 ? clean.substring(0, 80) + "..." : clean;
    }
}
