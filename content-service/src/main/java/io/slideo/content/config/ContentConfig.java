package io.slideo.content.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "slideo.content")
public interface ContentConfig {
    /** Theme used when a plan names none. */
    @WithDefault("slideo-light")
    String defaultThemeId();

    /** Slide count used when a plan names none. */
    @WithDefault("10")
    int defaultSlideCount();

    /** Most custom themes one user may keep. */
    @WithDefault("50")
    int maxCustomThemes();

    /** Most plans one list call returns. */
    @WithDefault("100")
    int listLimit();

    /** Most web searches one user may have running at once (each costs paid search calls). */
    @WithDefault("5")
    int maxResearchInFlight();
}
