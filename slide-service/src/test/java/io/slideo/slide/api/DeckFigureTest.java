package io.slideo.slide.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.slideo.model.deck.Bullet;
import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.deck.SlideFigure;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.deck.SourceRef;
import io.slideo.model.event.DeckPlanned;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.SlideGenerated;
import io.slideo.model.event.Topic;
import io.slideo.model.theme.Theme;
import io.slideo.runtime.blob.BlobStore;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.KafkaTestClient;
import io.slideo.testing.TestTokens;

/** An IMAGE slide's figure: kept with the slide's version, shown by REST and GraphQL, drawn from the blob store in every export. */
@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
class DeckFigureTest {
    private static final Theme PAPER = new Theme("paper", "Paper", "", "#fbf7ef", "#2d2a26", "#5a1e1e", "#b4532a",
            "Liberation Serif", "Liberation Sans", 36, 21, 1.2, "rule");
    private static final String CAPTION = "Fig. 1: The schematic of the MicroStressBots.";
    @RegisterExtension
    private static final KafkaTestClient kafka = new KafkaTestClient();
    private final String user = TestTokens.newUser();
    private final String document = UUID.randomUUID().toString();

    @Inject
    BlobStore blobs;

    @Test
    void theFigureIsKeptWithTheSlideAndDrawnFromTheBlobStoreInEachExport() throws Exception {
        byte[] jpeg = MemsPaperFigure.jpeg();
        String key = "documents/" + document + "/figures/figure-1.jpg";
        blobs.put(key, new ByteArrayInputStream(jpeg));
        SlideFigure figure = new SlideFigure(document, "Controllable MEMS microrobots", key, "image/jpeg", 692, 490, 2,
                CAPTION, null);
        String deckId = writtenDeck(figure);

        as(user).get("/api/v1/decks/" + deckId).then().statusCode(200)
                .body("slides[1].layout", equalTo("IMAGE"))
                .body("slides[1].figure.caption", equalTo(CAPTION))
                .body("slides[1].figure.page", equalTo(2));
        as(user).contentType(ContentType.JSON)
                .body(Map.of("query", "{ deck(id: \"" + deckId + "\") { slides { versions { figure { caption credit } } } } }"))
                .post("/graphql").then().statusCode(200)
                .body("data.deck.slides[1].versions[0].figure.credit",
                        equalTo("Figure from Controllable MEMS microrobots, p. 2"));

        byte[] pptx = export(deckId, "pptx");
        try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(pptx))) {
            XSLFPictureShape picture = show.getSlides().get(1).getShapes().stream()
                    .filter(XSLFPictureShape.class::isInstance).map(XSLFPictureShape.class::cast).findFirst().orElseThrow();
            assertArrayEquals(jpeg, picture.getPictureData().getData());
        }
        as(user).get("/api/v1/decks/" + deckId + "/export?format=html").then().statusCode(200)
                .body(containsString("data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg)));
        try (PDDocument pdf = Loader.loadPDF(export(deckId, "pdf"))) {
            PDResources resources = pdf.getPage(1).getResources();
            boolean drawn = false;
            for (COSName name : resources.getXObjectNames()) {
                drawn |= resources.getXObject(name) instanceof PDImageXObject image && image.getWidth() == 692
                        && image.getHeight() == 490;
            }
            org.junit.jupiter.api.Assertions.assertTrue(drawn, "the PDF draws the figure");
        }
    }

    private String writtenDeck(SlideFigure figure) {
        String deckId = UUID.randomUUID().toString();
        List<PlannedSlide> planned = List.of(new PlannedSlide(0, "MEMS robots", SlideLayout.TITLE, List.of(), List.of()),
                new PlannedSlide(1, "How they move", SlideLayout.IMAGE, List.of("Scratch drives"), List.of(), figure));
        kafka.send(Topic.DECK_PLANNED, EventEnvelope.of(Topic.DECK_PLANNED, deckId, user,
                new DeckPlanned(deckId, "req-1", 1, "MEMS robots", "", PAPER, List.of(document), planned)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(user).get("/api/v1/decks/" + deckId).then()
                .statusCode(200));
        String generation = as(user).contentType(ContentType.JSON).body("{}").post("/api/v1/decks/" + deckId
                + "/generations").then().statusCode(202).extract().path("generationId");
        List<Bullet> bullets = List.of(new Bullet("A scratch drive pushes the robot forward", new SourceRef(document, 2)),
                new Bullet("A steering arm snaps down to turn it", new SourceRef(document, 2)));
        kafka.send(Topic.SLIDE_GENERATED, EventEnvelope.of(Topic.SLIDE_GENERATED, deckId, user, new SlideGenerated(
                deckId, generation, "req-1", 0, 2, "MEMS robots", SlideLayout.TITLE, List.of(), "", "offline")));
        kafka.send(Topic.SLIDE_GENERATED, EventEnvelope.of(Topic.SLIDE_GENERATED, deckId, user, new SlideGenerated(
                deckId, generation, "req-1", 1, 2, "How they move", SlideLayout.IMAGE, bullets, "Point at it.",
                "offline", List.of(), List.of(), null, null, figure)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(user).get("/api/v1/decks/" + deckId).then()
                .body("slides", hasSize(2)));
        return deckId;
    }

    private byte[] export(String deckId, String format) {
        return as(user).get("/api/v1/decks/" + deckId + "/export?format=" + format).then().statusCode(200).extract()
                .asByteArray();
    }

    private static RequestSpecification as(String user) {
        return given().header("Authorization", "Bearer " + TestTokens.valid(user));
    }
}
