package io.slideo.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.slideo.testing.TestTokens;

/**
 * Users make decks while the suite is crashed under them: 20 users each upload a corpus document and
 * ask for 5 decks one after another (REST), listening on WebSockets, while a worker, Kafka, PostgreSQL,
 * Redis and one of the websocket-service instances are killed (kill -9) one after another at random
 * moments and brought back. Every document and deck must end settled (a failure with its reason told),
 * no slide written twice, and every client's notifications arrive once each, in seq order, across its
 * reconnections. The bookkeeping is printed as a table. {@code -Dchaos.decks=1000} makes it a benchmark
 * (bench/chaos.sh); {@code -Dchaos.seed} replays a run's order of faults.
 */
class ChaosIT {
    private static final int USERS = Integer.getInteger("chaos.users", 20);
    private static final int DECKS = Integer.getInteger("chaos.decks", 100);
    private static final int SLIDES = 4;
    private static final long SEED = Long.getLong("chaos.seed", System.currentTimeMillis());
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final Duration TOLD_WITHIN = Duration.ofSeconds(90);
    /** Small, varied documents: the run is about what survives a crash, not about parsing time. */
    private static final List<String> DOCUMENTS = List.of("essay-guide-headings-lists.docx", "readme-pdfjs.md",
            "license-apache-2.0.txt", "sample-lists-table-footnotes.docx", "webpage-vacation-rental.html",
            "article-heading-levels.docx", "guide-mozilla-automated-testing.pdf",
            "factsheet-cancer-statistics-tables.docx", "speech-rethinking-financial-network.pdf",
            "paper-tracemonkey.pdf");

    @BeforeAll
    static void useTheSuitesSecret() {
        TestTokens.useSuiteSecret();
    }

    @Test
    void decksMadeThroughCrashesEndSettledWithNothingLostOrTwice() throws Exception {
        System.out.printf("Chaos run: %d users, %d decks of %d slides, seed %d%n", USERS, DECKS, SLIDES, SEED);
        Random random = new Random(SEED);
        List<ChaosUser> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            users.add(new ChaosUser());
        }
        List<ChaosBook.Document> documents = Collections.synchronizedList(new ArrayList<>());
        List<ChaosBook.Deck> decks = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(USERS);
        long started = System.currentTimeMillis();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                ChaosUser user = users.get(i);
                String file = DOCUMENTS.get(i % DOCUMENTS.size());
                int share = DECKS / USERS + (i < DECKS % USERS ? 1 : 0);
                work.add(pool.submit(() -> makeDecks(user, file, share, documents, decks)));
            }
            List<Faults.Outcome> faults = inflict(random, work);
            for (Future<?> done : work) {
                done.get();
            }
            awaitEveryCompletionTold(decks);
            Thread.sleep(3_000); // a duplicate notification would arrive right behind
            ChaosBook book = ChaosBook.of(users, documents, decks, faults, System.currentTimeMillis() - started);
            System.out.println(book.table());
            book.assertNothingLostOrTwice();
            assertEquals(DECKS, book.submitted(), "every deck was asked for");
            assertTrue(faults.size() >= 3, "most faults came while decks were being made: " + faults);
        } finally {
            pool.shutdownNow();
            for (ChaosUser user : users) {
                user.close();
            }
        }
    }

    /**
     * Notifications held up by the last fault (a journal write that waited out a Redis restart) arrive late,
     * not never: the book is kept once every completed deck's deck_complete has reached its user, or after
     * {@link #TOLD_WITHIN}, whichever comes first; how long the last one took is printed.
     */
    private static void awaitEveryCompletionTold(List<ChaosBook.Deck> decks) throws InterruptedException {
        long started = System.currentTimeMillis();
        long deadline = started + TOLD_WITHIN.toMillis();
        while (System.currentTimeMillis() < deadline && decks.stream().anyMatch(ChaosIT::completeButUntold)) {
            Thread.sleep(500);
        }
        System.out.printf("Waited %d ms after the last deck ended for every deck_complete to reach its user%n",
                System.currentTimeMillis() - started);
    }

    private static boolean completeButUntold(ChaosBook.Deck deck) {
        return "complete".equals(deck.status()) && deck.user().received().stream()
                .noneMatch(m -> "deck_complete".equals(m.getString("type"))
                        && deck.id().equals(m.getJsonObject("data").getString("deck_id")));
    }

    /** The faults in a random order, each at a random moment while users are still at work. */
    private static List<Faults.Outcome> inflict(Random random, List<Future<?>> work) throws Exception {
        List<String> order = new ArrayList<>(List.of("worker", "kafka", "postgres", "redis", "websocket"));
        Collections.shuffle(order, random);
        List<Faults.Outcome> outcomes = new ArrayList<>();
        for (String fault : order) {
            Thread.sleep(3_000 + random.nextInt(7_000));
            if (work.stream().allMatch(Future::isDone)) {
                System.out.println("The decks were done before " + fault + " was killed");
                break;
            }
            Faults.Outcome outcome = switch (fault) {
                case "worker" -> Faults.worker();
                case "kafka" -> Faults.kafka(OUTAGE);
                case "postgres" -> Faults.postgres(OUTAGE);
                case "redis" -> Faults.redis(OUTAGE);
                default -> Faults.websocketInstance(Duration.ofSeconds(5));
            };
            System.out.println("Fault: " + outcome);
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private static Void makeDecks(ChaosUser user, String file, int count, List<ChaosBook.Document> documents,
            List<ChaosBook.Deck> decks) throws InterruptedException {
        String documentId = user.upload(file);
        Map<String, Object> document = user.awaitDocument(documentId);
        documents.add(new ChaosBook.Document(user, file, documentId, document));
        if (!"extracted".equals(document.get("status"))) {
            return null;
        }
        for (int n = 0; n < count; n++) {
            String requestId = ChaosUser.newRequestId();
            String deckId = user.requestDeck(documentId, SLIDES, requestId);
            long asked = System.currentTimeMillis();
            ChaosBook.Deck deck = new ChaosBook.Deck(user, deckId, requestId, user.awaitDeck(deckId));
            System.out.printf("%tT deck %s of %s: %s after %d ms%n", System.currentTimeMillis(), deckId, user.id,
                    deck.status(), System.currentTimeMillis() - asked);
            decks.add(deck);
        }
        return null;
    }
}
