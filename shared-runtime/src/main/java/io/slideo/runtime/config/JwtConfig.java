package io.slideo.runtime.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How access tokens are verified: Supabase-style HS256 tokens signed with the project secret. */
@ConfigMapping(prefix = "slideo.jwt")
public interface JwtConfig {
    /** The project's JWT secret (Supabase: Settings → API → JWT secret); ./slideo generates one locally. */
    String secret();

    /** Expected {@code iss}; Supabase uses {@code https://<project>.supabase.co/auth/v1}. */
    @WithDefault("slideo-dev")
    String issuer();

    /** Expected {@code aud}; Supabase uses {@code authenticated}. */
    @WithDefault("authenticated")
    String audience();

    /** Seconds of clock difference tolerated on {@code exp}. */
    @WithDefault("30")
    int clockSkewSeconds();
}
