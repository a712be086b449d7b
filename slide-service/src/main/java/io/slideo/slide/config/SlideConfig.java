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
        /**
         * Most journal entries a new stream reads back through to find where its deck's run began (the
         * journal holds every deck of the user; a run's own events are far fewer).
         */
        @WithDefault("2000")
        int replayScan();

        /**
         * How long one read of the followed journals waits for a new entry: a stream opened meanwhile
         * is followed from the next read on, so its first live event may wait this long.
         */
        @WithDefault("PT0.5S")
        Duration followWait();

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
