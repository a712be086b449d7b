package io.slideo.worker.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.slideo.model.document.ExtractedDocument;
import io.slideo.worker.CorpusDocuments;
import io.slideo.worker.model.Embedder;
import io.slideo.worker.retrieval.LocalEmbeddings;
import io.slideo.worker.retrieval.SentenceVectors;
import io.slideo.worker.text.Passage;
import io.slideo.worker.text.TextCleanup;

/**
 * Points that say the same thing in other words are said once, with the model inside the worker: the
 * US Department of Education's guidance restates its own requirements in its sample policies, and a
 * slide should not say both. Points on one subject that say different things stay.
 */
class PointPickerMeaningTest {
    private static final ExtractedDocument GUIDANCE = CorpusDocuments.extract("guidance-parental-involvement.doc");
    private static final LocalEmbeddings LOCAL = new LocalEmbeddings();
    // "Opportunities for regular meetings…" is restated as "On the request of parents, provide opportunities…";
    // "Parent-teacher conferences…" as "Hold parent-teacher conferences…"; the third says something else.
    private static final String MEETINGS = "Opportunities for regular meetings for parents to formulate suggestions";
    private static final String MEETINGS_AGAIN = "On the request of parents, provide opportunities for regular meetings";
    private static final String CONFERENCES = "Parent-teacher conferences in elementary schools";
    private static final String CONFERENCES_AGAIN = "Hold parent-teacher conferences (at least annually";
    private static final String INFORMATION = "Schools served under Title I, Part A must provide to parents";

    @Test
    void aPointRestatedInOtherWordsIsSaidOnceAndTheShorterStays() {
        Topic topic = topic(MEETINGS, MEETINGS_AGAIN, CONFERENCES, CONFERENCES_AGAIN);

        List<PointPicker.Point> points = picker(new SentenceVectors(Optional.of(LOCAL))).pick(topic, new PointPicker.Said());

        assertEquals(2, points.size(), "two points, each said once: " + texts(points));
        assertEquals(1L, points.stream().filter(p -> p.text().contains("regular meetings")).count(), texts(points).toString());
        assertEquals(1L, points.stream().filter(p -> p.text().toLowerCase().contains("parent-teacher conferences"))
                .count(), texts(points).toString());
        // The same sentences as bullets, by words alone: of each pair, the one with fewer words is kept.
        List<String> all = texts(picker(SentenceVectors.none()).pick(topic, new PointPicker.Said()));
        for (PointPicker.Point point : points) {
            boolean meetings = point.text().contains("regular meetings");
            int shorter = all.stream().filter(t -> t.contains("regular meetings") == meetings)
                    .mapToInt(TextCleanup::wordCount).min().orElseThrow();
            assertEquals(shorter, TextCleanup.wordCount(point.text()), "the shorter of the two stays: " + point.text());
        }
    }

    @Test
    void byTheirWordsAloneTheRestatementsAreAllSaid() {
        List<PointPicker.Point> points = picker(SentenceVectors.none())
                .pick(topic(MEETINGS, MEETINGS_AGAIN, CONFERENCES, CONFERENCES_AGAIN), new PointPicker.Said());

        assertEquals(4, points.size(), "the words differ too much to tell: " + texts(points));
    }

    @Test
    void pointsOnOneSubjectThatSayDifferentThingsStay() {
        List<PointPicker.Point> points = picker(new SentenceVectors(Optional.of(LOCAL)))
                .pick(topic(MEETINGS, CONFERENCES, INFORMATION), new PointPicker.Said());

        assertEquals(3, points.size(), texts(points).toString());
    }

    @Test
    void aPointASlideBeforeSaidInOtherWordsIsNotSaidAgain() {
        PointPicker picker = picker(new SentenceVectors(Optional.of(LOCAL)));
        PointPicker.Said said = new PointPicker.Said();
        picker.pick(topic(MEETINGS, CONFERENCES), said);

        List<PointPicker.Point> next = picker.pick(topic(MEETINGS_AGAIN, CONFERENCES_AGAIN, INFORMATION), said);

        assertEquals(List.of(INFORMATION), next.stream().map(p -> p.text().substring(0, INFORMATION.length())).toList());
    }

    @Test
    void theOfflinePlannerEmbedsOnlyThePointsItConsiders() {
        AtomicInteger embedded = new AtomicInteger();
        Embedder counting = new Embedder() {
            @Override
            public String model() {
                return LOCAL.model();
            }

            @Override
            public List<float[]> embed(List<String> texts) {
                embedded.addAndGet(texts.size());
                return LOCAL.embed(texts);
            }
        };
        OutlineDrafter.Outline outline = new OutlineDrafter(4, 14, Optional.of(counting))
                .draft("", 8, List.of(GUIDANCE));

        long sentences = Passage.of(GUIDANCE).size();
        assertTrue(outline.slides().size() >= 6, outline.slides().toString());
        assertTrue(embedded.get() > 0 && embedded.get() < sentences / 4,
                embedded.get() + " of " + sentences + " sentences embedded");
    }

    private static PointPicker picker(SentenceVectors meaning) {
        return new PointPicker(4, 40, Map.of(), meaning);
    }

    /** One group holding the first passage of the guidance that starts with each of {@code starts}, in that order. */
    private static Topic topic(String... starts) {
        List<Passage> all = Passage.of(GUIDANCE);
        List<Passage> chosen = java.util.Arrays.stream(starts).map(start -> all.stream()
                .filter(p -> p.text().startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no sentence starts with " + start))).toList();
        return new Topic(GUIDANCE.documentId(), "Parental involvement", false, List.of(chosen));
    }

    private static List<String> texts(List<PointPicker.Point> points) {
        return points.stream().map(PointPicker.Point::text).toList();
    }
}
