package io.slideo.slide.service;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.slideo.model.event.Notification;
import io.slideo.slide.config.SlideConfig;

/**
 * This instance's view of every user notification (it reads all of notification.v1), by deck and by
 * request: live streams of a deck's events subscribe here, and recent events are kept a while so a
 * stream opened just after a one-shot request still sees its plan being drafted.
 */
@ApplicationScoped
public class DeckEventHub {

    /** One notification, with the deck it concerns (null when it names none) and when it happened. */
    public record Event(String userId, String type, String requestId, String deckId, JsonNode data, Instant at) {

        public boolean ends() {
            return "deck_complete".equals(type) || "error_response".equals(type);
        }
    }

    /** A live subscriber: the user and the keys ("deck:<id>", "request:<id>") it follows. */
    public static final class Subscription {
        private final String userId;
        private final Set<String> keys;
        private final Consumer<Event> sink;

        Subscription(String userId, Set<String> keys, Consumer<Event> sink) {
            this.userId = userId;
            this.keys = keys;
            this.sink = sink;
        }
    }

    private final Map<String, Deque<Event>> recent = new ConcurrentHashMap<>();
    private final Map<String, Set<Subscription>> live = new ConcurrentHashMap<>();
    private final SlideConfig config;

    DeckEventHub(SlideConfig config) {
        this.config = config;
    }

    public static String deckKey(String deckId) {
        return "deck:" + deckId;
    }

    public static String requestKey(String requestId) {
        return "request:" + requestId;
    }

    /** Called for every notification this instance reads. */
    public void publish(Notification notification, Instant at) {
        JsonNode data = notification.data();
        String deckId = text(data, "deck_id");
        if (deckId == null) {
            deckId = text(data, "plan_id");
        }
        Event event = new Event(notification.userId(), notification.type().wireName(), notification.requestId(), deckId,
                data, at);
        List<String> keys = new ArrayList<>(2);
        if (deckId != null) {
            keys.add(deckKey(deckId));
        }
        if (notification.requestId() != null) {
            keys.add(requestKey(notification.requestId()));
        }
        Set<Subscription> told = new HashSet<>();
        for (String key : keys) {
            remember(key, event);
            for (Subscription subscription : live.getOrDefault(key, Set.of())) {
                if (subscription.userId.equals(event.userId()) && told.add(subscription)) {
                    subscription.sink.accept(event);
                }
            }
        }
    }

    /**
     * Follows the keys for one user; returns the recent events (since {@code since}, oldest first) the
     * subscriber missed, each once, so it can send them before the live ones.
     */
    public synchronized List<Event> subscribe(Subscription subscription, Instant since) {
        for (String key : subscription.keys) {
            live.computeIfAbsent(key, k -> new CopyOnWriteArraySet<>()).add(subscription);
        }
        List<Event> missed = new ArrayList<>();
        for (String key : subscription.keys) {
            Deque<Event> events = recent.get(key);
            if (events == null) {
                continue;
            }
            synchronized (events) {
                for (Event event : events) {
                    if (event.userId().equals(subscription.userId) && !event.at().isBefore(since)
                            && !missed.contains(event)) {
                        missed.add(event);
                    }
                }
            }
        }
        missed.sort((a, b) -> a.at().compareTo(b.at()));
        return missed;
    }

    public Subscription subscription(String userId, Set<String> keys, Consumer<Event> sink) {
        return new Subscription(userId, Set.copyOf(keys), sink);
    }

    public void unsubscribe(Subscription subscription) {
        for (String key : subscription.keys) {
            Set<Subscription> subscribers = live.get(key);
            if (subscribers != null) {
                subscribers.remove(subscription);
                if (subscribers.isEmpty()) {
                    live.remove(key, subscribers);
                }
            }
        }
    }

    private void remember(String key, Event event) {
        Deque<Event> events = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (events) {
            events.addLast(event);
            while (events.size() > config.events().keptPerDeck()) {
                events.removeFirst();
            }
        }
        if (recent.size() > config.events().keptDecks()) {
            forgetOld();
        }
    }

    /** Drops what is older than the retention, then the oldest keys while there are too many. */
    private synchronized void forgetOld() {
        Instant horizon = Instant.now().minus(config.events().retention());
        for (Iterator<Map.Entry<String, Deque<Event>>> it = recent.entrySet().iterator(); it.hasNext();) {
            Deque<Event> events = it.next().getValue();
            synchronized (events) {
                Event last = events.peekLast();
                if (last == null || last.at().isBefore(horizon)) {
                    it.remove();
                }
            }
        }
        while (recent.size() > config.events().keptDecks()) {
            String oldest = null;
            Instant oldestAt = Instant.MAX;
            for (Map.Entry<String, Deque<Event>> entry : recent.entrySet()) {
                Event last = entry.getValue().peekLast();
                if (last != null && last.at().isBefore(oldestAt)) {
                    oldest = entry.getKey();
                    oldestAt = last.at();
                }
            }
            if (oldest == null) {
                break;
            }
            recent.remove(oldest);
        }
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data == null ? null : data.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
