package io.slideo.runtime.ratelimit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** A value per key for the most recently used keys only, so many users or addresses cannot grow the heap without end. */
final class RecentKeys<V> {
    private final Map<String, V> values;

    RecentKeys(int maxKeys) {
        this.values = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > maxKeys;
            }
        });
    }

    V get(String key, Function<String, V> create) {
        return values.computeIfAbsent(key, create);
    }
}
