package io.slideo.slide.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.slideo.model.deck.Bullet;
import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.deck.SourceRef;
import io.slideo.model.event.DeckPlanned;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Notification;
import io.slideo.model.event.SlideGenerated;
import io.slideo.model.event.Topic;
import io.slideo.model.theme.Theme;
import io.slideo.model.ws.ServerMessageType;
import io.slideo.slide.service.export.PptxFrameCheck;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.KafkaTestClient;
import io.slideo.testing.TestTokens;

/** GET /api/v1/decks/{id}/export: the three formats, cached per deck version, with progress for the user. */
@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
class DeckExportTest {
    static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    private static final Theme FOREST = new Theme("forest", "Forest", "", "#0b2e24", "#e8f3ee", "#ffffff", "#6fcf97",
            "Liberation Serif", "Liberation Sans", 36, 21, 1.2, "band");
    @RegisterExtension
    private static final KafkaTestClient kafka = new KafkaTestClient();
    private final String user = TestTokens.newUser();
    private final String document = UUID.randomUUID().toString();

    @Test
    void eachFormatIsRenderedOncePerDeckVersionWithProgressForTheUser() throws Exception {
        String deckId = writtenDeck();

        Response first = export(deckId, "pptx", "export-1").then().statusCode(200).contentType(PPTX)
                .header("Content-Disposition", containsString("filename=\"board-review-q3.pptx\""))
                .header("X-Slideo-Export-Cache", "miss").extract().response();
        byte[] pptx = first.asByteArray();
        Response again = export(deckId, "pptx", "export-2").then().statusCode(200)
                .header("X-Slideo-Export-Cache", "hit").extract().response();
        assertArrayEquals(pptx, again.asByteArray(), "the cached file is served");
        try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(pptx))) {
            assertEquals(List.of("Board review, Q3", "What changed", "Two sides"),
                    show.getSlides().stream().map(XSLFSlide::getTitle).toList());
        }
        assertEquals(List.of(), PptxFrameCheck.frames(new ByteArrayInputStream(pptx)).stream()
                .filter(PptxFrameCheck.Frame::overflows).toList());

        List<Notification> progress = KafkaTestClient.await(Topic.NOTIFICATION, e -> e.aggregateId().equals(user)
                && "export-1".equals(e.payload().path("requestId").asText()), 2, Duration.ofSeconds(20))
                .stream().map(e -> e.payloadAs(Notification.class)).toList();
        assertEquals(2, progress.size());
        assertTrue(progress.stream().allMatch(n -> n.type() == ServerMessageType.PROGRESS_UPDATE
                && "exporting".equals(n.data().path("stage").asText()) && deckId.equals(n.data().path("deck_id").asText())));
        assertEquals(List.of(0, 100), progress.stream().map(n -> n.data().path("percent").asInt()).toList());

        byte[] pdf = export(deckId, "pdf", "export-3").then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", containsString("board-review-q3.pdf")).extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(3, document.getNumberOfPages());
            assertTrue(new PDFTextStripper().getText(document).contains("What changed"));
        }
        export(deckId, "html", "export-4").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .body(containsString("<section class=\"slide two_columns\""));

        // A new version of one slide is a new deck version: drawn again, with the new title.
        String regeneration = as(user).contentType(ContentType.JSON).body(Map.of("slideIndexes", List.of(1)))
                .post("/api/v1/decks/" + deckId + "/generations").then().statusCode(202).extract().path("generationId");
        slide(deckId, regeneration, 1, "What changed, in short", SlideLayout.BULLETS);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(user).get("/api/v1/decks/" + deckId).then()
                .body("slides[1].version", equalTo(2)));
        byte[] redrawn = export(deckId, "pptx", "export-5").then().statusCode(200)
                .header("X-Slideo-Export-Cache", "miss").extract().asByteArray();
        try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(redrawn))) {
            assertEquals("What changed, in short", show.getSlides().get(1).getTitle());
        }
    }

    @Test
    void badFormatsUnwrittenDecksAndOtherUsersDecksAreRefused() {
        String deckId = plan(List.of(new PlannedSlide(0, "Only", SlideLayout.TITLE, List.of(), List.of())));
        export(deckId, "pptx", "x").then().statusCode(409).body("code", equalTo("CONFLICT"));
        export(deckId, "docx", "x").then().statusCode(400).body("code", equalTo("INVALID_FIELD"))
                .body("message", containsString("html, pptx or pdf"));
        given().header("Authorization", "Bearer " + TestTokens.valid(TestTokens.newUser()))
                .get("/api/v1/decks/" + deckId + "/export?format=pdf").then().statusCode(404);
    }

    private String writtenDeck() {
        List<PlannedSlide> planned = new ArrayList<>(List.of(
                new PlannedSlide(0, "Board review, Q3", SlideLayout.TITLE, List.of(), List.of()),
                new PlannedSlide(1, "What changed", SlideLayout.BULLETS, List.of("Costs"), List.of()),
                new PlannedSlide(2, "Two sides", SlideLayout.TWO_COLUMNS, List.of("Pros", "Cons"), List.of())));
        String deckId = plan(planned);
        String generation = as(user).contentType(ContentType.JSON).body("{}").post("/api/v1/decks/" + deckId
                + "/generations").then().statusCode(202).extract().path("generationId");
        slide(deckId, generation, 0, "Board review, Q3", SlideLayout.TITLE);
        slide(deckId, generation, 1, "What changed", SlideLayout.BULLETS);
        slide(deckId, generation, 2, "Two sides", SlideLayout.TWO_COLUMNS);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(user).get("/api/v1/decks/" + deckId).then()
                .body("slides", hasSize(3)));
        return deckId;
    }

    private String plan(List<PlannedSlide> slides) {
        String deckId = UUID.randomUUID().toString();
        kafka.send(Topic.DECK_PLANNED, EventEnvelope.of(Topic.DECK_PLANNED, deckId, user,
                new DeckPlanned(deckId, "req-1", 1, "Board review, Q3", "", FOREST, List.of(document), slides)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(user).get("/api/v1/decks/" + deckId).then()
                .statusCode(200));
        return deckId;
    }

    private void slide(String deckId, String generationId, int index, String title, SlideLayout layout) {
        List<Bullet> bullets = List.of(new Bullet("Operating costs fell by a tenth", new SourceRef(document, 2)),
                new Bullet("Two new markets opened in spring", new SourceRef(document, 3)));
        List<Bullet> second = layout == SlideLayout.TWO_COLUMNS
                ? List.of(new Bullet("Hiring slowed in the summer", new SourceRef(document, 5))) : List.of();
        kafka.send(Topic.SLIDE_GENERATED, EventEnvelope.of(Topic.SLIDE_GENERATED, deckId, user, new SlideGenerated(
                deckId, generationId, "req-1", index, 3, title, layout, bullets, "Say it plainly.", "offline", second,
                List.of(), null)));
    }

    private Response export(String deckId, String format, String requestId) {
        return as(user).header("X-Request-Id", requestId).get("/api/v1/decks/" + deckId + "/export?format=" + format);
    }

    private static RequestSpecification as(String user) {
        return given().header("Authorization", "Bearer " + TestTokens.valid(user));
    }
}
