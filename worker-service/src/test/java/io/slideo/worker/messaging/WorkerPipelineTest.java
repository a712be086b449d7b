package io.slideo.worker.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slideo.model.deck.Bullet;
import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.document.Block;
import io.slideo.model.document.BlockKind;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.Section;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.event.DeckCompleted;
import io.slideo.model.event.DocumentExtracted;
import io.slideo.model.event.DocumentFailed;
import io.slideo.model.event.DocumentUploaded;
import io.slideo.model.event.EventCodec;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.GenerationFailed;
import io.slideo.model.event.GenerationRequested;
import io.slideo.model.event.Notification;
import io.slideo.model.event.PlanDrafted;
import io.slideo.model.event.PlanFailed;
import io.slideo.model.event.PlanRequested;
import io.slideo.model.event.SlideGenerated;
import io.slideo.model.event.TokenUsage;
import io.slideo.model.event.Topic;
import io.slideo.model.ws.ServerMessageType;
import io.slideo.runtime.blob.BlobStore;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.KafkaTestClient;
import io.slideo.testing.RepositoryPaths;
import io.slideo.testing.TestTokens;
import io.slideo.worker.repository.ExtractionResults;
import io.slideo.worker.text.BulletText;
import io.slideo.worker.text.TextCleanup;

@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
class WorkerPipelineTest {
    private static final Duration WAIT = Duration.ofSeconds(150);
    @RegisterExtension
    private static final KafkaTestClient kafka = new KafkaTestClient();
    private static Extracted paper;

    @Inject
    BlobStore blobs;

    @Inject
    ExtractionResults extractionResults;

    private final String user = TestTokens.newUser();

    private record Extracted(String user, String documentId, ExtractedDocument document) {
    }

    @Test
    void extractsAPaperPageByPageAndStoresTheResult() throws IOException {
        Extracted extracted = paper();
        ExtractedDocument document = extracted.document();

        assertEquals(14, document.pages());
        assertTrue(document.sections().size() >= 5, "sections: " + document.sections().size());
        assertTrue(document.characters() > 10_000, "characters: " + document.characters());
        assertEquals("en", document.language());
        assertTrue(document.title().startsWith("Trace-based Just-in-Time Type Specialization"), document.title());
        assertTrue(document.sections().stream().anyMatch(s -> s.title().equals("Introduction")));
        assertTrue(allBlocks(document).allMatch(b -> b.page() >= 1 && b.page() <= 14 && !b.text().isBlank()));
    }

    @Test
    void storesThePicturesOfAPapersFiguresWhereItsResultNamesThem() throws IOException {
        String id = upload(user, "paper-mems-microrobots.pdf");
        awaitExtracted(id);
        ExtractedDocument document = stored(id);

        assertEquals(8, document.figures().size());
        for (var figure : document.figures()) {
            assertTrue(figure.blobKey().startsWith("documents/" + id + "/figures/"), figure.blobKey());
            try (InputStream in = blobs.open(figure.blobKey())) {
                byte[] picture = in.readAllBytes();
                assertTrue(picture.length > 8 * 1024 && (picture[0] & 0xFF) == 0xFF && (picture[1] & 0xFF) == 0xD8,
                        figure.blobKey() + " is the paper's JPEG");
            }
        }
        assertEquals("Fig. 1: The schematic of the MicroStressBots.", document.figures().get(0).caption());
    }

    @Test
    void keepsHeadingLevelsOfAWordDocument() throws IOException {
        String id = upload(user, "article-heading-levels.docx");
        DocumentExtracted extracted = awaitExtracted(id);
        ExtractedDocument document = stored(id);

        Set<Integer> levels = document.sections().stream().map(Section::level).collect(Collectors.toSet());
        assertTrue(levels.containsAll(Set.of(1, 2, 3)), "levels: " + levels);
        assertEquals(document.sections().size(), extracted.sections());
        assertEquals("First paragraph", document.sections().get(0).title());
    }

    @Test
    void keepsSlideNotesOfAPresentation() throws IOException {
        String id = upload(user, "talk-evaluation-communication-notes.pptx");
        DocumentExtracted extracted = awaitExtracted(id);
        ExtractedDocument document = stored(id);

        assertEquals(28, extracted.pages());
        assertTrue(allBlocks(document).anyMatch(b -> b.kind() == BlockKind.NOTE && b.text().length() > 40));
        assertTrue(allBlocks(document).anyMatch(b -> b.kind() == BlockKind.TABLE && !b.rows().isEmpty()));
        assertEquals("How effective communication can help evaluation achieve influence", document.title());
    }

    @Test
    void rejectsEncryptedPdfWithItsCode() throws IOException {
        String id = upload(user, "hostile/encrypted-user-password.pdf");
        DocumentFailed failed = awaitFailed(id);
        assertEquals(ErrorCode.ENCRYPTED, failed.code());
        assertTrue(failed.message().contains("password"), failed.message());
    }

    @Test
    void rejectsAnEmptyFileAsEmpty() throws IOException {
        assertEquals(ErrorCode.EMPTY, awaitFailed(upload(user, "hostile/empty.pdf")).code());
    }

    @Test
    void rejectsATruncatedPdfAsCorrupt() throws IOException {
        assertEquals(ErrorCode.CORRUPT, awaitFailed(upload(user, "hostile/truncated-pdf-no-xref.pdf")).code());
    }

    @Test
    void everyHostileFileFailsWithTheCodeTheCorpusExpectsAndAGoodOneStillExtractsAfterThem() throws IOException {
        Map<String, Set<ErrorCode>> expected = hostileExpectations();
        Map<String, String> ids = new LinkedHashMap<>();
        for (String file : expected.keySet()) {
            ids.put(file, upload(user, file));
        }
        String good = upload(user, "license-apache-2.0.txt");

        for (Map.Entry<String, String> entry : ids.entrySet()) {
            DocumentFailed failed = awaitFailed(entry.getValue());
            assertTrue(expected.get(entry.getKey()).contains(failed.code()),
                    entry.getKey() + " failed with " + failed.code() + ", expected " + expected.get(entry.getKey()));
            assertFalse(failed.message().isBlank());
        }
        DocumentExtracted extracted = awaitExtracted(good);
        assertTrue(extracted.characters() > 5_000);
        assertEquals("en", extracted.language());
    }

    @Test
    void tellsTheUserHowExtractionProgresses() throws IOException {
        String id = upload(user, "license-apache-2.0.txt");
        awaitExtracted(id);

        List<Notification> progress = KafkaTestClient.await(Topic.NOTIFICATION, e -> user.equals(e.aggregateId()), 3, WAIT)
                .stream().map(e -> e.payloadAs(Notification.class)).toList();
        assertEquals(3, progress.size());
        for (Notification n : progress) {
            assertEquals(ServerMessageType.PROGRESS_UPDATE, n.type());
            assertEquals("extracting", n.data().path("stage").asText());
            assertEquals(id, n.data().path("document_id").asText());
            assertEquals("req-" + id, n.requestId());
        }
        // read, topics found, done
        assertEquals(Set.of(0, 80, 100), progress.stream().map(n -> n.data().path("percent").asInt()).collect(Collectors.toSet()));
    }

    @Test
    void draftsExactlyTheSlidesAskedForWithTitlesFromTheDocument() throws IOException {
        Extracted extracted = paper();
        PlanDrafted plan = requestPlan(extracted, 6);

        assertEquals(6, plan.slides().size());
        assertEquals("offline", plan.generator());
        // The deck is titled by what it is about, the paper's own title, not by the request.
        assertTrue(plan.title().startsWith("Trace-based Just-in-Time Type Specialization"), plan.title());
        PlannedSlide opening = plan.slides().get(0);
        assertEquals(SlideLayout.TITLE, opening.layout());
        // Every content slide is titled by one of the paper's headings, in the paper's order.
        List<String> headings = extracted.document().sections().stream().map(Section::title)
                .filter(t -> t != null).map(t -> t.replaceFirst("^\\d+(\\.\\d+)*\\.?\\s+", "").trim()).toList();
        Set<String> slideTitles = new HashSet<>();
        assertEquals(SlideLayout.AGENDA, plan.slides().get(1).layout());
        assertEquals(SlideLayout.CLOSING, plan.slides().get(5).layout());
        int last = -1;
        for (int i = 2; i < plan.slides().size() - 1; i++) {
            PlannedSlide slide = plan.slides().get(i);
            assertEquals(i, slide.index());
            assertTrue(Set.of(SlideLayout.BULLETS, SlideLayout.TWO_COLUMNS, SlideLayout.TABLE, SlideLayout.CHART).contains(slide.layout()),
                    slide.toString());
            int at = headings.indexOf(slide.title());
            assertTrue(at > last, "not a heading of the paper, or out of order: " + slide.title() + " in " + headings);
            last = at;
            assertTrue(slideTitles.add(slide.title()), "repeated title " + slide.title());
            assertTrue(slide.keyPoints().size() >= 2 && slide.keyPoints().size() <= 5, slide.keyPoints().toString());
            assertTrue(slide.keyPoints().stream().allMatch(p -> !BulletText.endsMidClause(p)
                    && TextCleanup.wordCount(p) <= BulletText.longestWhole(14)), slide.keyPoints().toString());
            assertFalse(slide.sources().isEmpty());
            assertTrue(slide.sources().stream().allMatch(s -> s.documentId().equals(extracted.documentId()) && s.page() != null));
        }
        List<Notification> planning = KafkaTestClient.await(Topic.NOTIFICATION,
                e -> extracted.user().equals(e.aggregateId()) && isProgress(e, "planning")
                        && plan.requestId().equals(e.payloadAs(Notification.class).requestId()), 3, WAIT)
                .stream().map(e -> e.payloadAs(Notification.class)).toList();
        assertEquals(3, planning.size());
        assertTrue(planning.stream().allMatch(n -> plan.planId().equals(n.data().path("deck_id").asText())));
        assertTrue(planning.stream().anyMatch(n -> n.data().path("percent").asInt() == 100));
    }

    @Test
    void writesEveryPlannedSlideWithSourcedShortBulletsThenCompletesTheDeck() throws IOException {
        Extracted extracted = paper();
        PlanDrafted plan = requestPlan(extracted, 5);
        String generationId = UUID.randomUUID().toString();
        kafka.send(Topic.GENERATION_REQUESTED, EventEnvelope.of(Topic.GENERATION_REQUESTED, plan.planId(), extracted.user(),
                new GenerationRequested(plan.planId(), generationId, "req-" + generationId, plan.title(), null,
                        List.of(extracted.documentId()), plan.slides(), null)));

        List<SlideGenerated> slides = KafkaTestClient.await(Topic.SLIDE_GENERATED,
                e -> plan.planId().equals(e.aggregateId()), plan.slides().size(), WAIT)
                .stream().map(e -> e.payloadAs(SlideGenerated.class)).toList();
        assertEquals(plan.slides().size(), slides.size());
        for (SlideGenerated slide : slides) {
            PlannedSlide planned = plan.slides().get(slide.slideIndex());
            assertEquals(planned.title(), slide.title());
            assertEquals(generationId, slide.generationId());
            assertEquals(plan.slides().size(), slide.slidesInGeneration());
            assertEquals("offline", slide.generator());
            assertFalse(slide.notes().isBlank());
            assertTrue(slide.notes().trim().endsWith("."), slide.notes());
            if (slide.layout() == SlideLayout.BULLETS) {
                assertTrue(slide.bullets().size() >= 2 && slide.bullets().size() <= 6, slide.bullets().toString());
            }
            assertTrue(slide.quality() != null && slide.quality().passed(), slide.title() + ": " + slide.quality());
            for (Bullet bullet : slide.bullets()) {
                assertNotNull(bullet.source(), bullet.text());
                assertEquals(extracted.documentId(), bullet.source().documentId());
                assertTrue(TextCleanup.wordCount(bullet.text()) <= BulletText.longestWhole(14), bullet.text());
                assertFalse(BulletText.endsMidClause(bullet.text()), "a whole clause: " + bullet.text());
                assertFalse(bullet.text().isBlank());
            }
        }
        assertEquals(plan.slides().size(), slides.stream().map(SlideGenerated::slideIndex).distinct().count());

        List<DeckCompleted> completed = KafkaTestClient.await(Topic.DECK_COMPLETED,
                e -> plan.planId().equals(e.aggregateId()), 1, WAIT)
                .stream().map(e -> e.payloadAs(DeckCompleted.class)).toList();
        assertEquals(1, completed.size());
        assertEquals(plan.slides().size(), completed.get(0).slidesInGeneration());
        assertEquals(TokenUsage.OFFLINE, completed.get(0).usage(), "the offline writer spends no tokens");
        List<EventEnvelope> writing = KafkaTestClient.await(Topic.NOTIFICATION,
                e -> extracted.user().equals(e.aggregateId()) && isProgress(e, "writing")
                        && ("req-" + generationId).equals(e.payloadAs(Notification.class).requestId())
                        && e.payloadAs(Notification.class).data().path("percent").asInt() == 100, 1, WAIT);
        assertEquals(1, writing.size());
    }

    @Test
    void aRunThatFailsUnexpectedlyIsToldAsFailedAndItsRecordKeptOnTheDeadLetterTopic() {
        String deckId = UUID.randomUUID().toString();
        String generationId = UUID.randomUUID().toString();
        // A planned slide without a title: a producer's bug the writer does not survive, on every attempt.
        kafka.send(Topic.GENERATION_REQUESTED, EventEnvelope.of(Topic.GENERATION_REQUESTED, deckId, user,
                new GenerationRequested(deckId, generationId, "req-" + generationId, "A deck", null, List.of(),
                        List.of(new PlannedSlide(0, null, SlideLayout.BULLETS, List.of("A point"), List.of())), null)));

        List<EventEnvelope> failed = KafkaTestClient.await(Topic.GENERATION_FAILED, e -> deckId.equals(e.aggregateId()),
                1, WAIT);
        assertEquals(1, failed.size(), "deck.generation-failed.v1 for " + deckId);
        GenerationFailed payload = failed.get(0).payloadAs(GenerationFailed.class);
        assertEquals(generationId, payload.generationId());
        assertEquals("req-" + generationId, payload.requestId());
        assertEquals(ErrorCode.INTERNAL, payload.code());
        assertTrue(payload.message().contains("internal error"), payload.message());
        assertEquals(user, failed.get(0).userId());
        List<String> dead = KafkaTestClient.awaitRaw(Topic.GENERATION_REQUESTED.deadLetterTopicName(),
                value -> value.contains(generationId) ? value : null, 1, WAIT);
        assertEquals(1, dead.size(), "the request is kept on its dead-letter topic, to be replayed once fixed");
    }

    @Test
    void aPlanRequestThatCanNeverBeDraftedFailsThePlan() {
        String planId = UUID.randomUUID().toString();
        kafka.send(Topic.PLAN_REQUESTED, EventEnvelope.of(Topic.PLAN_REQUESTED, planId, user,
                new PlanRequested(planId, "req-" + planId, "Anything", 5, List.of(), "classic", false)));

        List<EventEnvelope> failed = KafkaTestClient.await(Topic.PLAN_FAILED, e -> planId.equals(e.aggregateId()), 1, WAIT);
        assertEquals(1, failed.size(), "plan.failed.v1 for " + planId);
        assertEquals(ErrorCode.INVALID_FIELD, failed.get(0).payloadAs(PlanFailed.class).code());
    }

    @Test
    void aPlanOverADocumentThatWasNeverExtractedTellsTheUser() {
        String missing = UUID.randomUUID().toString();
        String planId = UUID.randomUUID().toString();
        kafka.send(Topic.PLAN_REQUESTED, EventEnvelope.of(Topic.PLAN_REQUESTED, planId, user,
                new PlanRequested(planId, "req-" + planId, "Anything", 5, List.of(missing), "classic", false)));

        List<Notification> errors = KafkaTestClient.await(Topic.NOTIFICATION, e -> user.equals(e.aggregateId())
                && e.payloadAs(Notification.class).type() == ServerMessageType.ERROR_RESPONSE, 1, WAIT)
                .stream().map(e -> e.payloadAs(Notification.class)).toList();
        assertEquals(1, errors.size());
        assertEquals("NOT_FOUND", errors.get(0).data().path("code").asText());
        assertTrue(errors.get(0).data().path("message").asText().contains(missing));
        assertEquals("req-" + planId, errors.get(0).requestId());
        List<EventEnvelope> failed = KafkaTestClient.await(Topic.PLAN_FAILED, e -> planId.equals(e.aggregateId()), 1, WAIT);
        assertEquals(1, failed.size(), "with nothing to draft from, the plan fails instead of waiting for ever");
        assertEquals(ErrorCode.NOT_FOUND, failed.get(0).payloadAs(PlanFailed.class).code());
    }

    private PlanDrafted requestPlan(Extracted extracted, int slideCount) {
        String planId = UUID.randomUUID().toString();
        kafka.send(Topic.PLAN_REQUESTED, EventEnvelope.of(Topic.PLAN_REQUESTED, planId, extracted.user(),
                new PlanRequested(planId, "req-" + planId,
                        "Explain tracing JIT compilers to engineers. Keep it practical.", slideCount,
                        List.of(extracted.documentId()), "classic", false)));
        List<EventEnvelope> drafted = KafkaTestClient.await(Topic.PLAN_DRAFTED, e -> planId.equals(e.aggregateId()), 1, WAIT);
        assertEquals(1, drafted.size(), "plan.drafted for " + planId);
        assertEquals(extracted.user(), drafted.get(0).userId());
        return drafted.get(0).payloadAs(PlanDrafted.class);
    }

    /** The tracemonkey paper, extracted once through the pipeline and shared by the tests that need it. */
    private synchronized Extracted paper() throws IOException {
        if (paper == null) {
            String owner = TestTokens.newUser();
            String id = upload(owner, "paper-tracemonkey.pdf");
            DocumentExtracted extracted = awaitExtracted(id);
            assertEquals(ExtractedDocumentKey.of(id), extracted.resultKey());
            assertEquals(owner, KafkaTestClient.await(Topic.DOCUMENT_EXTRACTED, e -> id.equals(e.aggregateId()), 1, WAIT)
                    .get(0).userId());
            paper = new Extracted(owner, id, stored(id));
            assertEquals(extracted.sections(), paper.document().sections().size());
            assertEquals(extracted.characters(), paper.document().characters());
        }
        return paper;
    }

    private String upload(String owner, String corpusFile) throws IOException {
        String id = UUID.randomUUID().toString();
        String key = "documents/" + id + "/original";
        Path file = RepositoryPaths.corpusFile(corpusFile);
        try (InputStream in = Files.newInputStream(file)) {
            blobs.put(key, in);
        }
        kafka.send(Topic.DOCUMENT_UPLOADED, EventEnvelope.of(Topic.DOCUMENT_UPLOADED, id, owner,
                new DocumentUploaded(id, "req-" + id, file.getFileName().toString(), "application/octet-stream",
                        Files.size(file), key)));
        return id;
    }

    private ExtractedDocument stored(String documentId) throws IOException {
        try (InputStream in = blobs.open(ExtractedDocumentKey.of(documentId))) {
            return EventCodec.newMapper().readValue(in, ExtractedDocument.class);
        }
    }

    private static DocumentExtracted awaitExtracted(String documentId) {
        List<EventEnvelope> events = KafkaTestClient.await(Topic.DOCUMENT_EXTRACTED, e -> documentId.equals(e.aggregateId()),
                1, WAIT);
        assertEquals(1, events.size(), "document.extracted.v1 for " + documentId);
        DocumentExtracted extracted = events.get(0).payloadAs(DocumentExtracted.class);
        assertTrue(extracted.parseMillis() > 0, "the reading time charged to the owner's parse-time quota");
        return extracted;
    }

    private static DocumentFailed awaitFailed(String documentId) {
        List<EventEnvelope> events = KafkaTestClient.await(Topic.DOCUMENT_FAILED, e -> documentId.equals(e.aggregateId()),
                1, WAIT);
        assertEquals(1, events.size(), "document.failed.v1 for " + documentId);
        return events.get(0).payloadAs(DocumentFailed.class);
    }

    private static boolean isProgress(EventEnvelope event, String stage) {
        Notification n = event.payloadAs(Notification.class);
        return n.type() == ServerMessageType.PROGRESS_UPDATE && stage.equals(n.data().path("stage").asText());
    }

    private static java.util.stream.Stream<Block> allBlocks(ExtractedDocument document) {
        return document.sections().stream().flatMap(s -> s.blocks().stream());
    }

    /** The hostile files of the corpus and the codes its manifest allows for each. */
    private static Map<String, Set<ErrorCode>> hostileExpectations() throws IOException {
        Map<String, Set<ErrorCode>> expected = new LinkedHashMap<>();
        for (String line : Files.readAllLines(RepositoryPaths.corpusFile("MANIFEST.tsv"))) {
            String[] columns = line.split("\t");
            if (columns[0].startsWith("hostile/")) {
                expected.put(columns[0], java.util.Arrays.stream(columns[columns.length - 1].split("\\|"))
                        .map(ErrorCode::valueOf).collect(Collectors.toSet()));
            }
        }
        assertTrue(expected.size() >= 9, "hostile files in the manifest: " + expected.keySet());
        return expected;
    }

    private static final class ExtractedDocumentKey {
        static String of(String documentId) {
            return "documents/" + documentId + "/extraction.json";
        }
    }
}
