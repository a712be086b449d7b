package io.slideo.websocket.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "slideo.websocket")
public interface LiveChannelConfig {
    /** This instance's name, shown in the X-Slideo-Instance upgrade header and logs (the launcher sets it). */
    Optional<String> instanceId();

    /** Most open connections one instance holds (below the 20,000 open files a process gets here); past it, 1013. */
    @WithDefault("18000")
    int maxConnections();

    /** Most open connections one user holds across all instances; past it the socket is closed with 1008. */
    @WithDefault("20")
    int maxConnectionsPerUser();

    /** How long a session lives in Redis without client activity; it outlives the socket for a returning client. */
    @WithDefault("PT30M")
    Duration sessionIdleTimeout();

    /** A busy connection renews its session at most this often (a Redis write per message would cost more than it tells). */
    @WithDefault("PT1M")
    Duration sessionTouchInterval();

    /** Prefix of the Redis session keys: {@code <prefix>:<userId>:<sessionId>}. */
    @WithDefault("slideo:session")
    String sessionKeyPrefix();

    /** Prefix of the Redis keys that count each user's open connections across instances. */
    @WithDefault("slideo:connections")
    String connectionKeyPrefix();

    /** Prefix of the Redis keys by which an instance says it is alive (its connections count only while it is). */
    @WithDefault("slideo:instance")
    String instanceKeyPrefix();

    /** How often an instance renews its liveness key; the key lives three times as long. */
    @WithDefault("PT10S")
    Duration instanceHeartbeat();

    /** Largest file a chunked upload may announce (the same cap as REST uploads: 100 MiB). */
    @WithDefault("104857600")
    long maxUploadBytes();

    /** Largest chunk of a chunked upload, decoded (its base64 text is a third larger). */
    @WithDefault("524288")
    int maxChunkBytes();

    /** How long an unfinished upload is kept after its last chunk, for the client to resume it; then its chunks are swept. */
    @WithDefault("PT1H")
    Duration uploadTimeout();

    /** Uploads one user may have in progress at once, across instances; one more start is refused with QUOTA_EXCEEDED. */
    @WithDefault("3")
    int maxUploadsInProgress();

    /** Bytes (as announced at start) one user's uploads in progress may add up to: three of the largest files. */
    @WithDefault("314572800")
    long maxUploadBytesInProgress();

    /** How often an instance looks for expired uploads and deletes their chunks from the blob store. */
    @WithDefault("PT5M")
    Duration uploadSweepInterval();

    /**
     * Prefix of the Redis upload keys: {@code <prefix>:{<userId>}:<uploadId>} (an upload's metadata),
     * {@code <prefix>:{<userId>}:in-progress}, {@code <prefix>:expiring}. The chunks are blobs
     * {@code uploads/<uploadId>/<index>} in the blob store (slideo.blob.*).
     */
    @WithDefault("slideo:upload")
    String uploadKeyPrefix();

    /** How often the server pings every socket; browsers answer with a pong, which counts as activity. */
    @WithDefault("PT30S")
    Duration pingInterval();

    /**
     * Largest message (and frame) a client may send, in bytes: a chunk of a chunked upload (512 KiB,
     * base64) fits. A larger frame closes the socket with 1009 from its header, before it is buffered.
     */
    @WithDefault("1048576")
    int maxMessageSize();

    /** A connection that sent nothing (no message, no pong) for this long is closed; pings keep live clients in. */
    @WithDefault("PT90S")
    Duration idleTimeout();

    /** Messages waiting to be written to one socket; past it the client is told to resync instead of slowing anyone. */
    @WithDefault("1000")
    int maxQueuedMessages();

    /**
     * How long a new connection's notifications wait for its first message, so that a reconnecting
     * client's {@code resume} gets everything in order; any first message that is not a resume ends it.
     * 3 s: on a loaded machine a reconnecting client's resume took over 1 s to arrive, and the numbers
     * sent live meanwhile came before the replay; only a client that says nothing at all waits this long.
     */
    @WithDefault("PT3S")
    Duration resumeWindow();

    /** How long closing every socket may take when the instance shuts down. */
    @WithDefault("PT5S")
    Duration shutdownGrace();

    Journal journal();

    /**
     * How resume reads the per-user notification journal in Redis; what the journal keeps (and its
     * keys) is {@code slideo.notification-journal.*}, shared with slide-service's event streams.
     */
    interface Journal {
        /** Notifications read from Redis per round trip while replaying. */
        @WithDefault("200")
        int replayBatch();
    }
}
