package io.slideo.slide.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "slideo.slides")
public interface SlideConfig {
    /** Most decks one list call (REST or GraphQL) returns. */
    @WithDefault("100")
    int listLimit();
}
