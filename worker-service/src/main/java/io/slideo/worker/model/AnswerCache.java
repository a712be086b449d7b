package io.slideo.worker.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import io.slideo.model.event.EventCodec;
import io.slideo.worker.config.WorkerConfig;
import io.slideo.worker.prompt.PromptTemplate;

/**
 * Answers to identical prompts, in Redis, keyed by a hash of the template (name and version), its
 * variables and the model. Only answers that passed validation are kept. Redis being away costs the
 * cache, never the call. Blocking.
 */
@ApplicationScoped
public class AnswerCache {
    private static final ObjectMapper CANONICAL = EventCodec.newMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final ValueCommands<String, String> values;
    private final Duration ttl;

    AnswerCache(RedisDataSource redis, WorkerConfig config) {
        this.values = redis.value(String.class);
        this.ttl = config.model().cacheTtl();
    }

    public static String key(PromptTemplate template, Map<String, Object> variables, String model) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((template.id() + "\n" + model + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(CANONICAL.writeValueAsBytes(new TreeMap<>(variables)));
            return "slideo:answer:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot hash a prompt: " + e.getMessage(), e);
        }
    }

    public Optional<String> get(String key) {
        if (ttl.isZero()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(values.get(key));
        } catch (RuntimeException e) {
            Log.debugf("Answer cache unavailable: %s", e.getMessage());
            return Optional.empty();
        }
    }

    public void put(String key, String answer) {
        if (ttl.isZero()) {
            return;
        }
        try {
            values.setex(key, ttl.toSeconds(), answer);
        } catch (RuntimeException e) {
            Log.debugf("Answer cache unavailable: %s", e.getMessage());
        }
    }
}
