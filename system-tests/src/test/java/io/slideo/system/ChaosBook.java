package io.slideo.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.vertx.core.json.JsonObject;

/** The chaos run's bookkeeping: what was asked for, how each ended, what was lost or came twice. */
final class ChaosBook {
    /** A document as the user last saw it over REST. */
    record Document(ChaosUser user, String file, String id, Map<String, Object> view) {
        boolean settledWithReason() {
            return "extracted".equals(view.get("status"))
                    || "failed".equals(view.get("status")) && !String.valueOf(view.get("errorMessage")).isBlank();
        }
    }

    /** A deck as the user last saw it over REST, and the request that asked for it. */
    record Deck(ChaosUser user, String id, String requestId, Map<String, Object> view) {
        String status() {
            return String.valueOf(view.get("status"));
        }
    }

    private final List<String> problems = new ArrayList<>();
    private final List<Faults.Outcome> faults;
    private final long millis;
    private int documents;
    private int documentsFailed;
    private int submitted;
    private int completed;
    private int failedWithReason;
    private int lost;
    private int duplicatedSlides;
    private int notificationsOutOfOrder;
    private int reconnects;

    private ChaosBook(List<Faults.Outcome> faults, long millis) {
        this.faults = faults;
        this.millis = millis;
    }

    static ChaosBook of(List<ChaosUser> users, List<Document> documents, List<Deck> decks, List<Faults.Outcome> faults,
            long millis) {
        ChaosBook book = new ChaosBook(faults, millis);
        documents.forEach(book::count);
        decks.forEach(book::count);
        users.forEach(book::checkNotifications);
        return book;
    }

    private void count(Document document) {
        documents++;
        if ("failed".equals(document.view().get("status"))) {
            documentsFailed++;
        }
        if (!document.settledWithReason()) {
            lost++;
            problems.add("document " + document.id() + " (" + document.file() + ") ended " + document.view());
        }
    }

    private void count(Deck deck) {
        submitted++;
        switch (deck.status()) {
            case "complete" -> {
                completed++;
                countDuplicates(deck);
                if (deck.user().received().stream().noneMatch(m -> "deck_complete".equals(m.getString("type"))
                        && deck.id().equals(m.getJsonObject("data").getString("deck_id")))) {
                    notificationsOutOfOrder++;
                    problems.add("user " + deck.user().id + " was never told deck " + deck.id() + " is complete");
                }
            }
            case "failed" -> {
                if (toldWhy(deck)) {
                    failedWithReason++;
                } else {
                    lost++;
                    problems.add("deck " + deck.id() + " failed without telling its user why: " + deck.view());
                }
            }
            default -> {
                lost++;
                problems.add("deck " + deck.id() + " never settled: " + deck.view());
            }
        }
    }

    /** Failed with a reason in the deck itself and an error its user received over the socket. */
    private static boolean toldWhy(Deck deck) {
        Object failure = deck.view().get("failure");
        boolean reason = failure instanceof Map<?, ?> f && f.get("message") != null && !f.get("message").toString().isBlank();
        boolean told = deck.user().received().stream().anyMatch(m -> "error_response".equals(m.getString("type"))
                && (deck.requestId().equals(m.getString("request_id")) || m.encode().contains(deck.id())));
        return reason && told;
    }

    private void countDuplicates(Deck deck) {
        List<Map<String, Object>> slides = deck.user().slides(deck.id());
        long indexes = slides.stream().map(s -> s.get("index")).distinct().count();
        int twice = (int) (slides.size() - indexes);
        for (Map<String, Object> slide : slides) {
            twice += ((List<?>) slide.get("versions")).size() - 1;
        }
        if (twice > 0) {
            duplicatedSlides += twice;
            problems.add("deck " + deck.id() + " has slides written twice: " + slides);
        }
    }

    /** Across all of a user's connections: seq numbers follow one another, and no slide arrives twice. */
    private void checkNotifications(ChaosUser user) {
        reconnects += user.reconnects();
        List<JsonObject> received = user.received();
        Long previous = 0L; // a new user's numbers start at 1
        for (JsonObject message : received) {
            Long seq = message.getLong("seq");
            if (seq == null) {
                continue;
            }
            if (seq != previous + 1) {
                notificationsOutOfOrder++;
                problems.add("user " + user.id + " got seq " + seq + " after " + previous);
            }
            previous = seq;
        }
        Map<String, Integer> completes = new HashMap<>();
        received.stream().filter(m -> "slide_complete".equals(m.getString("type"))).map(m -> m.getJsonObject("data"))
                .forEach(d -> completes.merge(d.getString("deck_id") + "#" + d.getInteger("slide_index"), 1, Integer::sum));
        completes.forEach((slide, times) -> {
            if (times > 1) {
                notificationsOutOfOrder++;
                problems.add("user " + user.id + " was told slide " + slide + " " + times + " times");
            }
        });
        received.stream().filter(m -> Objects.equals("resync_required", m.getString("type")))
                .forEach(m -> problems.add("user " + user.id + " was asked to resync: " + m.encode()));
    }

    int submitted() {
        return submitted;
    }

    String table() {
        StringBuilder table = new StringBuilder("\n| chaos run | count |\n|---|---:|\n");
        table.append("| documents uploaded | ").append(documents).append(" |\n");
        table.append("| documents failed (with a reason) | ").append(documentsFailed).append(" |\n");
        table.append("| decks submitted | ").append(submitted).append(" |\n");
        table.append("| decks completed | ").append(completed).append(" |\n");
        table.append("| decks failed, reason told | ").append(failedWithReason).append(" |\n");
        table.append("| lost (documents and decks) | ").append(lost).append(" |\n");
        table.append("| slides written twice | ").append(duplicatedSlides).append(" |\n");
        table.append("| notifications twice, missing or out of seq order | ").append(notificationsOutOfOrder).append(" |\n");
        table.append("| client reconnections | ").append(reconnects).append(" |\n");
        table.append("| run time | ").append(millis / 1000).append(" s |\n\n| fault | down | all services ready after it returned |\n|---|---:|---:|\n");
        faults.forEach(f -> table.append("| ").append(f.fault()).append(" | ").append(f.downMillis() / 1000.0)
                .append(" s | ").append(f.readyAfterMillis() / 1000.0).append(" s |\n"));
        problems.stream().limit(30).forEach(p -> table.append("problem: ").append(p).append('\n'));
        return table.toString();
    }

    void assertNothingLostOrTwice() {
        assertEquals(0, lost, "lost: " + problems);
        assertEquals(0, duplicatedSlides, "slides twice: " + problems);
        assertEquals(0, notificationsOutOfOrder, "notifications: " + problems);
        assertTrue(problems.isEmpty(), "problems: " + problems);
        assertTrue(completed >= 0.9 * submitted, completed + " of " + submitted + " decks complete");
        faults.forEach(f -> assertTrue(f.readyAfterMillis() < 60_000, "ready again within a minute: " + f));
    }
}
