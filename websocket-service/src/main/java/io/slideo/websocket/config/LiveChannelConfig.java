package io.slideo.websocket.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "slideo.websocket")
public interface LiveChannelConfig {
    /** Most open connections one instance holds; a client past it is closed with 1013 (try again later). */
    @WithDefault("10000")
    int maxConnections();

    /** How long a session lives in Redis without client activity; every client message renews it. */
    @WithDefault("PT30M")
    Duration sessionIdleTimeout();

    /** Prefix of the Redis session keys: {@code <prefix>:<userId>:<connectionId>}. */
    @WithDefault("slideo:session")
    String sessionKeyPrefix();

    /** Largest file a chunked upload may announce (the same cap as REST uploads: 100 MiB). */
    @WithDefault("104857600")
    long maxUploadBytes();

    /** Largest chunk of a chunked upload, decoded (its base64 text is a third larger). */
    @WithDefault("524288")
    int maxChunkBytes();

    /** How long an unfinished upload is kept after its last chunk, for the client to resume it. */
    @WithDefault("PT1H")
    Duration uploadTimeout();

    /** Prefix of the Redis upload keys: {@code <prefix>:<userId>:<uploadId>}. */
    @WithDefault("slideo:upload")
    String uploadKeyPrefix();
}
