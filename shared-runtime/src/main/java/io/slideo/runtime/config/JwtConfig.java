package io.slideo.runtime.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How access tokens are verified. Two sources of keys, either or both: the signing keys a Supabase
 * project publishes at its JWKS URL (RS256, ES256), and a shared secret (HS256) for the development
 * tokens ./slideo mints. A service that verifies users needs at least one; the worker needs neither.
 */
@ConfigMapping(prefix = "slideo.jwt")
public interface JwtConfig {
    /** HS256 secret, at least 32 characters (Supabase legacy: Settings → API → JWT secret); ./slideo generates one locally. */
    Optional<String> secret();

    /** The JWKS of asymmetric signing keys; Supabase: {@code https://<project>.supabase.co/auth/v1/.well-known/jwks.json}. */
    Optional<String> jwksUrl();

    /** Expected {@code iss}; Supabase uses {@code https://<project>.supabase.co/auth/v1}. */
    @WithDefault("slideo-dev")
    String issuer();

    /** Expected {@code aud}; Supabase uses {@code authenticated}. */
    @WithDefault("authenticated")
    String audience();

    /** Seconds of clock difference tolerated on {@code exp}. */
    @WithDefault("30")
    int clockSkewSeconds();

    /** Longest {@code exp - iat} accepted: a token valid for years is a leaked key waiting to happen. */
    @WithDefault("24H")
    Duration maxLifetime();

    /** Whether Supabase anonymous sign-ins ({@code role: anon} or {@code is_anonymous: true}) are users here. */
    @WithDefault("false")
    boolean allowAnonymous();

    /** How long fetched keys are used before the JWKS is fetched again (unless its Cache-Control says otherwise). */
    @WithDefault("10M")
    Duration jwksCacheDuration();

    /** A token with an unknown {@code kid} fetches the JWKS again at most this often, so forged kids cannot flood it. */
    @WithDefault("30S")
    Duration jwksMinRefreshInterval();

    /** Connect and read timeout of one JWKS fetch. */
    @WithDefault("5S")
    Duration jwksTimeout();
}
