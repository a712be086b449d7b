package io.slideo.runtime.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * A Lua script run by its SHA-1, so that hot paths do not send the script's text with every call;
 * a Redis that does not know it yet (restarted, flushed) gets the text once.
 */
public final class RedisScript {
    private final String text;
    private final String sha;

    public RedisScript(String text) {
        this.text = text;
        this.sha = sha1(text);
    }

    /** The keys and arguments of one call, for {@link #runAll}. */
    public record Call(List<String> keys, List<String> args) {
    }

    public Uni<Response> run(ReactiveRedisDataSource redis, List<String> keys, List<String> args) {
        return redis.execute("EVALSHA", arguments(sha, keys, args))
                .onFailure(RedisScript::unknownScript)
                .recoverWithUni(() -> redis.execute("EVAL", arguments(text, keys, args)));
    }

    /**
     * Runs the script once per call, all in one pipeline: one round trip for the lot, executed in
     * the order given (one connection). A Redis that does not know the script is taught it and the
     * whole pipeline is sent again, so the script must be idempotent.
     */
    public Uni<List<Response>> runAll(ReactiveRedisDataSource redis, List<Call> calls) {
        if (calls.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Request> requests = new ArrayList<>(calls.size());
        for (Call call : calls) {
            Request request = Request.cmd(Command.EVALSHA).arg(sha).arg(call.keys().size());
            call.keys().forEach(request::arg);
            call.args().forEach(request::arg);
            requests.add(request);
        }
        return redis.getRedis().batch(requests)
                .onFailure(RedisScript::unknownScript)
                .recoverWithUni(() -> redis.execute("SCRIPT", "LOAD", text)
                        .chain(() -> redis.getRedis().batch(requests)));
    }

    private static String[] arguments(String script, List<String> keys, List<String> args) {
        List<String> all = new ArrayList<>(2 + keys.size() + args.size());
        all.add(script);
        all.add(Integer.toString(keys.size()));
        all.addAll(keys);
        all.addAll(args);
        return all.toArray(String[]::new);
    }

    /** Redis's NOSCRIPT error: alone from EVALSHA, as {@code ERR [<index>] NOSCRIPT ...} from a pipeline. */
    private static boolean unknownScript(Throwable failure) {
        return failure.getMessage() != null && failure.getMessage().contains("NOSCRIPT");
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
