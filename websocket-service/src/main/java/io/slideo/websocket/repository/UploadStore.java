package io.slideo.websocket.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.RedisKeyNotFoundException;
import io.quarkus.redis.datasource.sortedset.ScoreRange;
import io.quarkus.redis.datasource.sortedset.ZRangeArgs;
import io.slideo.runtime.redis.RedisScript;
import io.slideo.websocket.config.LiveChannelConfig;
import io.smallrye.mutiny.Uni;

/**
 * What Redis knows of chunked uploads, so that one interrupted on an instance continues on any other:
 * per upload a small hash (announced name, size and checksum, bytes received, next chunk), per user the
 * set of their uploads in progress (for the per-user limits), and one set of every upload with the time
 * its hash expires (for the sweep that deletes abandoned chunks). The chunks themselves are in the blob
 * store ({@link UploadChunks}); Redis holds no file bytes. A user's keys share the hash tag {@code {user}},
 * so each script touches one slot.
 */
@ApplicationScoped
public class UploadStore {
    /** Started: {0, uploads, bytes} with the new upload counted; refused: {-1 too many uploads | -2 too many bytes, uploads, bytes}. */
    private static final RedisScript START = new RedisScript("""
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
            local uploads, bytes = 0, 0
            for _, id in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
              local size = redis.call('HGET', ARGV[8] .. id, 'size')
              if size then uploads, bytes = uploads + 1, bytes + tonumber(size) else redis.call('ZREM', KEYS[2], id) end
            end
            if uploads >= tonumber(ARGV[3]) then return {-1, uploads, bytes} end
            if bytes + tonumber(ARGV[5]) > tonumber(ARGV[4]) then return {-2, uploads, bytes} end
            redis.call('HSET', KEYS[1], 'file_name', ARGV[6], 'size', ARGV[5], 'sha256', ARGV[7], 'received', 0, 'next_chunk', 0)
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            redis.call('ZADD', KEYS[2], ARGV[9], ARGV[10])
            redis.call('PEXPIRE', KEYS[2], ARGV[2])
            return {0, uploads + 1, bytes + tonumber(ARGV[5])}
            """);
    /** Counted: the new byte count. Refused: -1 unknown upload, -2 wrong chunk number, -3 more than announced. */
    private static final RedisScript APPEND = new RedisScript("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
            local expected = tonumber(redis.call('HGET', KEYS[1], 'next_chunk'))
            if expected ~= tonumber(ARGV[2]) then return -2 end
            local received = tonumber(redis.call('HGET', KEYS[1], 'received')) + tonumber(ARGV[3])
            if received > tonumber(redis.call('HGET', KEYS[1], 'size')) then return -3 end
            redis.call('HSET', KEYS[1], 'next_chunk', expected + 1, 'received', received)
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            redis.call('ZADD', KEYS[2], ARGV[4], ARGV[5])
            redis.call('PEXPIRE', KEYS[2], ARGV[1])
            return received
            """);
    /** Whether this caller may store the upload: 0 yes, -1 unknown upload, -2 bytes missing, -3 another end took it. */
    private static final RedisScript CLAIM = new RedisScript("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
            if redis.call('HGET', KEYS[1], 'received') ~= redis.call('HGET', KEYS[1], 'size') then return -2 end
            if redis.call('HSETNX', KEYS[1], 'ending', '1') == 0 then return -3 end
            return 0
            """);

    private final ReactiveRedisDataSource redis;
    private final LiveChannelConfig config;

    UploadStore(ReactiveRedisDataSource redis, LiveChannelConfig config) {
        this.redis = redis;
        this.config = config;
    }

    /** What an upload announced and how far it has come. */
    public record Upload(String id, String fileName, long size, String sha256, long received, int nextChunk) {
    }

    /** The answer to a start: admitted or not, and the user's uploads in progress and their bytes, this one included if admitted. */
    public record Admission(boolean admitted, boolean tooManyUploads, int uploadsInProgress, long bytesInProgress) {
    }

    /** How much one user may have in progress at once: uploads, and bytes they announced together. */
    public record Allowance(int uploads, long bytes) {
    }

    /** Records the upload if the user's allowance admits it, and enrols it in the sweep of abandoned uploads. */
    public Uni<Admission> start(String userId, Upload upload, Allowance allowance) {
        long now = System.currentTimeMillis();
        long expiry = now + config.uploadTimeout().toMillis();
        return START.run(redis, List.of(metaKey(userId, upload.id()), inProgressKey(userId)), List.of(
                Long.toString(now), Long.toString(config.uploadTimeout().toMillis()),
                Integer.toString(allowance.uploads()), Long.toString(allowance.bytes()),
                Long.toString(upload.size()), upload.fileName(), upload.sha256(), userPrefix(userId),
                Long.toString(expiry), upload.id()))
                .map(answer -> new Admission(answer.get(0).toLong() == 0, answer.get(0).toLong() == -1,
                        answer.get(1).toInteger(), answer.get(2).toLong()))
                .call(admission -> admission.admitted()
                        ? redis.sortedSet(String.class).zadd(expiringKey(), expiry, sweepMember(userId, upload.id()))
                        : Uni.createFrom().voidItem());
    }

    public Uni<Upload> find(String userId, String uploadId) {
        return redis.hash(String.class).hgetall(metaKey(userId, uploadId)).map(fields -> fields.isEmpty() ? null
                : new Upload(uploadId, fields.get("file_name"), Long.parseLong(fields.get("size")), fields.get("sha256"),
                        Long.parseLong(fields.get("received")), Integer.parseInt(fields.get("next_chunk"))));
    }

    /** Counts chunk {@code index}, already in the blob store; see {@link #APPEND} for what the answer means. */
    public Uni<Long> append(String userId, String uploadId, int index, int length) {
        long expiry = System.currentTimeMillis() + config.uploadTimeout().toMillis();
        return APPEND.run(redis, List.of(metaKey(userId, uploadId), inProgressKey(userId)), List.of(
                Long.toString(config.uploadTimeout().toMillis()), Integer.toString(index), Integer.toString(length),
                Long.toString(expiry), uploadId))
                .map(response -> response.toLong());
    }

    /** Takes a complete upload for storing, once: see {@link #CLAIM} for what the answer means. */
    public Uni<Long> claim(String userId, String uploadId) {
        return CLAIM.run(redis, List.of(metaKey(userId, uploadId)), List.of()).map(response -> response.toLong());
    }

    /** Forgets the upload (its chunks are the caller's to delete). */
    public Uni<Void> delete(String userId, String uploadId) {
        return redis.key().del(metaKey(userId, uploadId))
                .chain(() -> redis.sortedSet(String.class).zrem(inProgressKey(userId), uploadId))
                .chain(() -> redis.sortedSet(String.class).zrem(expiringKey(), sweepMember(userId, uploadId)))
                .replaceWithVoid();
    }

    /**
     * Takes up to {@code limit} uploads whose hash was due to expire by now out of the sweep set; each is
     * taken by one instance only. Those still alive (a chunk renewed them) go back with their new expiry;
     * the others, gone from Redis, are returned (as sweep set members) for their chunks to be deleted.
     */
    public Uni<List<String>> takeExpired(int limit) {
        long now = System.currentTimeMillis();
        return redis.sortedSet(String.class).zrangebyscore(expiringKey(), new ScoreRange<>(Double.NEGATIVE_INFINITY, (double) now),
                new ZRangeArgs().limit(0, limit))
                .chain(members -> members.isEmpty() ? Uni.createFrom().item(List.<String>of())
                        : Uni.join().all(members.stream().map(member -> takeOne(member, now)).toList()).andFailFast()
                                .map(taken -> taken.stream().filter(member -> member != null).toList()));
    }

    /** Puts an upload back into the sweep set, e.g. when deleting its chunks failed. */
    public Uni<Void> sweepLater(String sweepMember, long atMillis) {
        return redis.sortedSet(String.class).zadd(expiringKey(), atMillis, sweepMember).replaceWithVoid();
    }

    private Uni<String> takeOne(String member, long now) {
        String userId = member.substring(member.indexOf(':') + 1);
        return redis.sortedSet(String.class).zrem(expiringKey(), member).chain(removed -> removed == 0
                ? Uni.createFrom().nullItem()
                : redis.key().pttl(metaKey(userId, uploadIdOf(member)))
                        .onFailure(RedisKeyNotFoundException.class).recoverWithItem(-2L).chain(ttl -> ttl > 0
                        ? sweepLater(member, now + ttl).replaceWith((String) null)
                        : Uni.createFrom().item(member)));
    }

    /** The member of the sweep set for an upload: {@code <uploadId>:<userId>} (upload ids hold no colon). */
    public static String sweepMember(String userId, String uploadId) {
        return uploadId + ":" + userId;
    }

    /** The upload id of a sweep set member. */
    public static String uploadIdOf(String sweepMember) {
        return sweepMember.substring(0, sweepMember.indexOf(':'));
    }

    private String userPrefix(String userId) {
        return config.uploadKeyPrefix() + ":{" + userId + "}:";
    }

    private String metaKey(String userId, String uploadId) {
        return userPrefix(userId) + uploadId;
    }

    private String inProgressKey(String userId) {
        return userPrefix(userId) + "in-progress";
    }

    private String expiringKey() {
        return config.uploadKeyPrefix() + ":expiring";
    }
}
