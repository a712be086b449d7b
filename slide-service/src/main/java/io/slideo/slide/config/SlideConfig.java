package io.slideo.slide.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "slideo.slides")
public interface SlideConfig {
    /** Most decks one list call (REST or GraphQL) returns. */
    @WithDefault("100")
    int listLimit();

    /** Limits on one GraphQL query (depth and complexity are SmallRye's: quarkus.smallrye-graphql.*). */
    Graphql graphql();

    interface Graphql {
        /** Most aliased fields in one operation: each alias runs its field again. */
        @WithDefault("10")
        int maxAliases();
    }

    /** Server-sent event streams of a deck's progress (GET /api/v1/decks/{id}/events). */
    Events events();

    interface Events {
        /** How long recent notifications are kept for streams opened late (a one-shot request's planning). */
        @WithDefault("PT15M")
        Duration retention();

        /** Most notifications kept per deck or request. */
        @WithDefault("500")
        int keptPerDeck();

        /** Most decks and requests whose recent notifications are kept. */
        @WithDefault("2000")
        int keptDecks();

        /** A comment sent this often keeps idle streams open through proxies. */
        @WithDefault("PT15S")
        Duration heartbeat();

        /** A stream ends after this long even if its deck never completes. */
        @WithDefault("PT30M")
        Duration maxDuration();
    }

    /** What one user may have running at once; counted from PostgreSQL, so every instance agrees. */
    Quota quota();

    interface Quota {
        /**
         * Decks one user may have being written at once (3: a deck, its redo and one more; more would only
         * queue behind each other on the workers, ahead of other users' decks).
         */
        @WithDefault("3")
        int decksWriting();

        /**
         * How long a deck asked for in one go counts as being written while its plan is awaited (a plan
         * still drafting after content-service's drafting patience, 10 minutes, has failed).
         */
        @WithDefault("PT15M")
        Duration planAwaited();
    }
}
