package io.slideo.runtime.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Notification;
import io.slideo.runtime.redis.RedisScript;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;

/**
 * Every notification of a user, numbered and kept for a while, so that a client that lost its
 * socket can ask for what it missed. Per user: a counter ({@code seq}, never expires, so numbers
 * are never reused), a stream whose entry ids are the numbers ({@code <seq>-0}), a hash from
 * event id to number ({@code events}) and the bytes of data the stream holds ({@code bytes}),
 * trimmed together by age, length and bytes (the newest entry always stays).
 *
 * <p>Journaling is one idempotent script, called by the shared journal consumer group and by every
 * instance before it delivers: whoever comes first numbers the event, everyone else reads the same
 * number back. Since every caller reads a user's partition in order, numbers follow that order.
 * A batch of events is journaled in one pipeline ({@link #journalAll}): one round trip, run in order.
 *
 * <p>The one place that knows the journal's keys and entry fields: websocket-service journals and
 * resumes through it, slide-service's event streams read and follow it. Not a bean of its own (this
 * module is in services without Redis): each service that uses it produces one.
 */
public class NotificationJournal {
    /** Returns {seq, 1} for a newly journaled event, {seq, 0} for one journaled before. */
    private static final RedisScript JOURNAL = new RedisScript("""
            local known = redis.call('HGET', KEYS[3], ARGV[1])
            if known then return {tonumber(known), 0} end
            local seq = redis.call('INCR', KEYS[1])
            redis.call('XADD', KEYS[2], seq .. '-0', 'e', ARGV[1], 't', ARGV[6], 'y', ARGV[2], 'r', ARGV[3],
                'o', ARGV[4], 'd', ARGV[5])
            redis.call('HSET', KEYS[3], ARGV[1], seq)
            local bytes = redis.call('INCRBY', KEYS[4], #ARGV[5])
            local cutoff = tonumber(ARGV[6]) - tonumber(ARGV[7])
            local excess = redis.call('XLEN', KEYS[2]) - tonumber(ARGV[8])
            for i = 1, 100 do
              local first = redis.call('XRANGE', KEYS[2], '-', '+', 'COUNT', 1)[1]
              if not first or first[1] == seq .. '-0' then break end
              if excess <= 0 and tonumber(first[2][4]) >= cutoff and bytes <= tonumber(ARGV[9]) then break end
              redis.call('XDEL', KEYS[2], first[1])
              redis.call('HDEL', KEYS[3], first[2][2])
              bytes = redis.call('DECRBY', KEYS[4], #first[2][12])
              excess = excess - 1
            end
            redis.call('PEXPIRE', KEYS[2], ARGV[7])
            redis.call('PEXPIRE', KEYS[3], ARGV[7])
            redis.call('PEXPIRE', KEYS[4], ARGV[7])
            return {seq, 1}
            """);
    /** The latest number given out and the entries from ARGV[1] on, read together. */
    private static final RedisScript RANGE = new RedisScript("""
            local latest = tonumber(redis.call('GET', KEYS[1]) or '0')
            return {latest, redis.call('XRANGE', KEYS[2], ARGV[1], '+', 'COUNT', ARGV[2])}
            """);
    /** The latest number given out and the oldest one still kept (latest + 1 when none is). */
    private static final RedisScript BOUNDS = new RedisScript("""
            local latest = tonumber(redis.call('GET', KEYS[1]) or '0')
            local first = redis.call('XRANGE', KEYS[2], '-', '+', 'COUNT', 1)[1]
            local oldest = latest + 1
            if first then oldest = tonumber(string.match(first[1], '^(%d+)')) end
            return {latest, oldest}
            """);

    private final ReactiveRedisDataSource redis;
    private final NotificationJournalConfig config;

    public NotificationJournal(ReactiveRedisDataSource redis, NotificationJournalConfig config) {
        this.redis = redis;
        this.config = config;
    }

    /** What journaling an event gave: its number, and whether this call was the one that numbered it. */
    public record Journaled(long seq, boolean first) {
    }

    /** A slice of the journal: the latest number given out, and the entries asked for (oldest first). */
    public record Slice(long latest, List<JournalEntry> entries) {
    }

    /** The journal's ends: the latest number given out and the oldest still kept. */
    public record Bounds(long latest, long oldest) {
    }

    /** An event to journal: whose it is, its id, and what the client will see. */
    public record Event(String userId, String eventId, String type, String requestId, long occurredAtMillis,
            String data) {

        /** The notification as every reader of notification.v1 journals it. */
        public static Event of(EventEnvelope envelope, Notification notification) {
            long occurredAt = envelope.occurredAt() != null ? envelope.occurredAt().toEpochMilli()
                    : System.currentTimeMillis();
            String data = notification.data() == null ? "{}" : notification.data().toString();
            return new Event(notification.userId(), envelope.eventId().toString(), notification.type().wireName(),
                    notification.requestId(), occurredAt, data);
        }

        public JournalEntry numbered(long seq) {
            return new JournalEntry(seq, eventId, type, requestId, occurredAtMillis, data);
        }
    }

    public Uni<Journaled> journal(String userId, String eventId, String type, String requestId, long occurredAtMillis,
            String data) {
        return journalAll(List.of(new Event(userId, eventId, type, requestId, occurredAtMillis, data)))
                .map(journaled -> journaled.get(0));
    }

    /** Journals every event in one pipeline, in the order given; the answers come in the same order. */
    public Uni<List<Journaled>> journalAll(List<Event> events) {
        String now = Long.toString(System.currentTimeMillis());
        List<RedisScript.Call> calls = new ArrayList<>(events.size());
        for (Event event : events) {
            calls.add(call(event, now));
        }
        return JOURNAL.runAll(redis, calls).map(responses -> {
            List<Journaled> journaled = new ArrayList<>(responses.size());
            for (Response response : responses) {
                journaled.add(journaled(response));
            }
            return journaled;
        });
    }

    private RedisScript.Call call(Event event, String now) {
        return new RedisScript.Call(keys(event.userId(), "seq", "stream", "events", "bytes"), List.of(event.eventId(),
                event.type(), event.requestId() == null ? "" : event.requestId(),
                Long.toString(event.occurredAtMillis()), event.data(), now,
                Long.toString(config.retention().toMillis()), Integer.toString(config.maxLength()),
                Long.toString(config.maxBytes().asLongValue())));
    }

    private static Journaled journaled(Response response) {
        return new Journaled(response.get(0).toLong(), response.get(1).toInteger() == 1);
    }

    /** Up to {@code count} entries numbered {@code from} and later. */
    public Uni<Slice> from(String userId, long from, int count) {
        return RANGE.run(redis, keys(userId, "seq", "stream"), List.of(from + "-0", Integer.toString(count)))
                .map(response -> new Slice(response.get(0).toLong(), entries(response.get(1))));
    }

    /** Up to {@code count} entries numbered below {@code before}, newest first: for reading back in time. */
    public Uni<List<JournalEntry>> before(String userId, long before, int count) {
        if (before <= 1) {
            return Uni.createFrom().item(List.of());
        }
        return redis.execute("XREVRANGE", keys(userId, "stream").get(0), (before - 1) + "-0", "-", "COUNT",
                Integer.toString(count)).map(NotificationJournal::entries);
    }

    /**
     * The entries numbered after each user's given number, up to {@code count} per user, waiting up to
     * {@code wait} for one to be journaled when there is none yet (XREAD BLOCK: it answers as soon as
     * any of the users has a new entry). Users without new entries are absent from the answer. All the
     * users' streams are read in one command, so this assumes one Redis, not a cluster.
     */
    public Uni<Map<String, List<JournalEntry>>> follow(Map<String, Long> after, int count, Duration wait) {
        List<String> args = new ArrayList<>(5 + 2 * after.size());
        List.of("COUNT", Integer.toString(count), "BLOCK", Long.toString(Math.max(1, wait.toMillis())), "STREAMS")
                .forEach(args::add);
        Map<String, String> userOfKey = new HashMap<>();
        for (String userId : after.keySet()) {
            String key = keys(userId, "stream").get(0);
            userOfKey.put(key, userId);
            args.add(key);
        }
        after.values().forEach(seq -> args.add(seq + "-0"));
        return redis.execute("XREAD", args.toArray(String[]::new)).map(response -> {
            Map<String, List<JournalEntry>> read = new LinkedHashMap<>();
            if (response == null) {
                return read;
            }
            if (response.getDelegate().isMap()) {
                // RESP3 answers a map from stream key to entries, RESP2 a list of [key, entries] pairs.
                for (String key : response.getKeys()) {
                    read.put(userOfKey.get(key), entries(response.get(key)));
                }
            } else {
                for (Response stream : response) {
                    read.put(userOfKey.get(stream.get(0).toString()), entries(stream.get(1)));
                }
            }
            return read;
        });
    }

    public Uni<Bounds> bounds(String userId) {
        return BOUNDS.run(redis, keys(userId, "seq", "stream"), List.of())
                .map(response -> new Bounds(response.get(0).toLong(), response.get(1).toLong()));
    }

    private List<String> keys(String userId, String... names) {
        List<String> keys = new ArrayList<>(names.length);
        for (String name : names) {
            // The hash tag keeps a user's keys in one slot, should the Redis ever be a cluster.
            keys.add(config.keyPrefix() + ":{" + userId + "}:" + name);
        }
        return keys;
    }

    private static List<JournalEntry> entries(Response stream) {
        List<JournalEntry> entries = new ArrayList<>(stream.size());
        for (int i = 0; i < stream.size(); i++) {
            Response entry = stream.get(i);
            String id = entry.get(0).toString();
            Response fields = entry.get(1);
            String eventId = null;
            String type = null;
            String requestId = null;
            long occurredAt = 0;
            String data = null;
            for (int f = 0; f + 1 < fields.size(); f += 2) {
                String value = fields.get(f + 1).toString();
                switch (fields.get(f).toString()) {
                    case "e" -> eventId = value;
                    case "y" -> type = value;
                    case "r" -> requestId = value.isEmpty() ? null : value;
                    case "o" -> occurredAt = Long.parseLong(value);
                    case "d" -> data = value;
                    default -> {
                        // "t", when it was journaled, only matters to trimming.
                    }
                }
            }
            entries.add(new JournalEntry(Long.parseLong(id.substring(0, id.indexOf('-'))), eventId, type, requestId,
                    occurredAt, data));
        }
        return entries;
    }
}
