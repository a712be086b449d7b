package io.slideo.websocket.repository;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.slideo.websocket.config.LiveChannelConfig;
import io.smallrye.mutiny.Uni;

/**
 * Chunked uploads in Redis, so that an upload interrupted on one instance continues on any other:
 * a hash of what was announced and received, and a list of the chunks (base64, as they came), both
 * under the user's id and expiring together. Appending is one Lua script that checks the chunk's
 * number, so a chunk is never stored twice or out of order.
 */
@ApplicationScoped
public class UploadStore {
    /** Appended: the new byte count. Refused: -1 unknown upload, -2 wrong chunk number, -3 more than announced. */
    private static final String APPEND = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
            local expected = tonumber(redis.call('HGET', KEYS[1], 'next_chunk'))
            if expected ~= tonumber(ARGV[2]) then return -2 end
            local received = tonumber(redis.call('HGET', KEYS[1], 'received')) + tonumber(ARGV[3])
            if received > tonumber(redis.call('HGET', KEYS[1], 'size')) then return -3 end
            redis.call('RPUSH', KEYS[2], ARGV[4])
            redis.call('HSET', KEYS[1], 'next_chunk', expected + 1, 'received', received)
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            redis.call('PEXPIRE', KEYS[2], ARGV[1])
            return received
            """;

    private final ReactiveRedisDataSource redis;
    private final LiveChannelConfig config;

    UploadStore(ReactiveRedisDataSource redis, LiveChannelConfig config) {
        this.redis = redis;
        this.config = config;
    }

    /** What an upload announced and how far it has come. */
    public record Upload(String id, String fileName, long size, String sha256, long received, int nextChunk) {
    }

    public Uni<Void> start(String userId, Upload upload) {
        String key = metaKey(userId, upload.id());
        return redis.hash(String.class).hset(key, Map.of("file_name", upload.fileName(), "size",
                Long.toString(upload.size()), "sha256", upload.sha256(), "received", "0", "next_chunk", "0"))
                .chain(() -> redis.key().pexpire(key, config.uploadTimeout().toMillis()))
                .replaceWithVoid();
    }

    public Uni<Upload> find(String userId, String uploadId) {
        return redis.hash(String.class).hgetall(metaKey(userId, uploadId)).map(fields -> fields.isEmpty() ? null
                : new Upload(uploadId, fields.get("file_name"), Long.parseLong(fields.get("size")), fields.get("sha256"),
                        Long.parseLong(fields.get("received")), Integer.parseInt(fields.get("next_chunk"))));
    }

    /** Appends chunk {@code index}; see {@link #APPEND} for what the answer means. */
    public Uni<Long> append(String userId, String uploadId, int index, byte[] chunk) {
        return redis.execute("EVAL", APPEND, "2", metaKey(userId, uploadId), chunksKey(userId, uploadId),
                Long.toString(config.uploadTimeout().toMillis()), Integer.toString(index), Integer.toString(chunk.length),
                Base64.getEncoder().encodeToString(chunk))
                .map(response -> response.toLong());
    }

    /** Every chunk in order, decoded. */
    public Uni<List<byte[]>> chunks(String userId, String uploadId) {
        return redis.list(String.class).lrange(chunksKey(userId, uploadId), 0, -1)
                .map(all -> all.stream().map(Base64.getDecoder()::decode).toList());
    }

    public Uni<Void> delete(String userId, String uploadId) {
        return redis.key().del(metaKey(userId, uploadId), chunksKey(userId, uploadId)).replaceWithVoid();
    }

    private String metaKey(String userId, String uploadId) {
        return config.uploadKeyPrefix() + ":" + userId + ":" + uploadId;
    }

    private String chunksKey(String userId, String uploadId) {
        return metaKey(userId, uploadId) + ":chunks";
    }
}
