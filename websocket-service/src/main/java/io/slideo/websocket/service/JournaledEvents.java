package io.slideo.websocket.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The numbers this instance recently learnt from the journal, by event id. An instance reads every
 * notification twice (its own delivery group and the shared journal group); whichever read
 * journals it first leaves its number here, and the other one uses it instead of running the
 * journal script again. Only numbers Redis answered are kept, so a hit is as good as the script's
 * own answer (the script is idempotent: it would return the same number). Bounded: two
 * generations of at most {@link #GENERATION} entries; a miss just costs the script call.
 */
@ApplicationScoped
public class JournaledEvents {
    static final int GENERATION = 16_384;

    private volatile Map<String, Long> current = new ConcurrentHashMap<>();
    private volatile Map<String, Long> previous = Map.of();

    /** The event's number, or null when this instance has not journaled it lately. */
    public Long seqOf(String eventId) {
        Long seq = current.get(eventId);
        return seq != null ? seq : previous.get(eventId);
    }

    public void remember(String eventId, long seq) {
        Map<String, Long> generation = current;
        generation.put(eventId, seq);
        if (generation.size() >= GENERATION) {
            synchronized (this) {
                if (current == generation) {
                    previous = generation;
                    current = new ConcurrentHashMap<>();
                }
            }
        }
    }
}
