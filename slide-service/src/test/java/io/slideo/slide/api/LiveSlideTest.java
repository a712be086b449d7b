package io.slideo.slide.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.logging.Log;
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
import io.slideo.model.event.Notification;
import io.slideo.model.event.SlideGenerated;
import io.slideo.model.event.Topic;
import io.slideo.model.theme.Theme;
import io.slideo.model.ws.ServerMessageType;
import io.slideo.runtime.blob.BlobStore;
import io.slideo.slide.service.export.LiveSlides;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.KafkaTestClient;
import io.slideo.testing.TestTokens;

/** slide_complete carries the slide as the HTML export draws it, so a page can show each slide as it is written. */
@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
class LiveSlideTest {
    private static final Theme PAPER = new Theme("paper", "Paper", "", "#fbf7ef", "#2d2a26", "#5a1e1e", "#b4532a",
            "Liberation Serif", "Liberation Sans", 36, 21, 1.2, "rule");
    private static final Pattern PICTURE = Pattern.compile("<img class=\"figure\"[^>]*/>\n");
    private static final Pattern PLACEHOLDER = Pattern.compile("<div class=\"figure placeholder\".*?</div>\n");
    @RegisterExtension
    private static final KafkaTestClient kafka = new KafkaTestClient();
    private final String user = TestTokens.newUser();
    private final String document = UUID.randomUUID().toString();

    @Inject
    BlobStore blobs;

    @Test
    void eachSlideCompleteCarriesTheSlideAsTheHtmlExportDrawsIt() {
        String deckId = UUID.randomUUID().toString();
        List<PlannedSlide> planned = List.of(new PlannedSlide(0, "Quarterly review", SlideLayout.TITLE, List.of(), List.of()),
                new PlannedSlide(1, "Revenue", SlideLayout.BULLETS, List.of("Growth"), List.of()),
                new PlannedSlide(2, "Next steps", SlideLayout.BULLETS, List.of("Hiring"), List.of()));
        String generation = planAndGenerate(deckId, planned);
        write(deckId, generation, 0, 3, "Quarterly review", SlideLayout.TITLE,
                List.of(new Bullet("Where we stand in the third quarter", null)), null);
        write(deckId, generation, 1, 3, "Revenue <b>grew</b> 12 %", SlideLayout.BULLETS, List.of(
                new Bullet("Subscriptions rose in every region", new SourceRef(document, 2)),
                new Bullet("Churn fell to 2.1 % & stays there", new SourceRef(document, 3))), null);
        write(deckId, generation, 2, 3, "Next steps", SlideLayout.BULLETS,
                List.of(new Bullet("Hire two engineers before March", new SourceRef(document, 4))), null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(user).get("/api/v1/decks/" + deckId).then()
                .body("slides", hasSize(3)));

        List<Notification> slides = slideCompletes(deckId, 3);
        String export = as(user).get("/api/v1/decks/" + deckId + "/export?format=html").then().statusCode(200)
                .extract().asString();
        for (Notification told : slides) {
            int index = told.data().path("slide_index").asInt();
            String html = told.data().path("html").asText(null);
            assertNotNull(html, "slide " + index + " carries its markup");
            Log.infof("slide_complete of slide %d: fragment %d bytes", index, html.getBytes(StandardCharsets.UTF_8).length);
            assertEquals(section(export, index + 1), html, "slide " + index + " is drawn as the export draws it");
        }
        assertTrue(export.contains("Revenue &lt;b&gt;grew&lt;/b&gt; 12 %"), "document text stays text");
        as(user).get("/api/v1/decks/" + deckId + "/style").then().statusCode(200)
                .contentType(containsString("text/css"))
                .body(containsString("@font-face { font-family: slideo-serif; font-style: normal; font-weight: 700;"))
                .body(containsString(".slide { position: relative; width: 960pt; height: 540pt;"));
        as(TestTokens.newUser()).get("/api/v1/decks/" + deckId + "/style").then().statusCode(404);
    }

    @Test
    void aFigureTravelsAsABoxWithItsCaptionNotAsItsPicture() throws Exception {
        byte[] jpeg = MemsPaperFigure.jpeg();
        String key = "documents/" + document + "/figures/figure-1.jpg";
        blobs.put(key, new ByteArrayInputStream(jpeg));
        String caption = "Fig. 1: The schematic of the MicroStressBots.";
        SlideFigure figure = new SlideFigure(document, "Controllable MEMS microrobots", key, "image/jpeg", 692, 490, 2,
                caption, null);
        String deckId = UUID.randomUUID().toString();
        String generation = planAndGenerate(deckId, List.of(
                new PlannedSlide(0, "How they move", SlideLayout.IMAGE, List.of("Scratch drives"), List.of(), figure)));
        write(deckId, generation, 0, 1, "How they move", SlideLayout.IMAGE, List.of(
                new Bullet("A scratch drive pushes the robot forward", new SourceRef(document, 2))), figure);

        String html = slideCompletes(deckId, 1).get(0).data().path("html").asText();
        int bytes = html.getBytes(StandardCharsets.UTF_8).length;
        Log.infof("slide_complete of a figure slide: fragment %d bytes; its picture is %d bytes", bytes, jpeg.length);
        assertFalse(html.contains("data:"), "no picture inside the notification");
        assertTrue(bytes < LiveSlides.MAX_FRAGMENT_BYTES && bytes < jpeg.length, bytes + " bytes");
        Matcher box = PLACEHOLDER.matcher(html);
        assertTrue(box.find(), html);
        assertTrue(box.group().contains(caption), "the box says what the figure shows");
        String export = as(user).get("/api/v1/decks/" + deckId + "/export?format=html").then().statusCode(200)
                .extract().asString();
        String exported = section(export, 1);
        assertTrue(PICTURE.matcher(exported).find(), "the export draws the picture");
        assertEquals(PICTURE.matcher(exported).replaceFirst(Matcher.quoteReplacement(box.group())), html,
                "apart from the picture, the slide is drawn as the export draws it");
    }

    /** Slide {@code number}'s section in the exported HTML, as the export wrote it. */
    private static String section(String export, int number) {
        int start = export.indexOf("<section class=\"slide ");
        while (start >= 0 && !export.startsWith("id=\"slide-" + number + "\"", export.indexOf("id=", start))) {
            start = export.indexOf("<section class=\"slide ", start + 1);
        }
        assertTrue(start >= 0, "slide " + number + " is in the export");
        int end = export.indexOf("</section>\n", start) + "</section>\n".length();
        return export.substring(start, end);
    }

    private String planAndGenerate(String deckId, List<PlannedSlide> planned) {
        kafka.send(Topic.DECK_PLANNED, EventEnvelope.of(Topic.DECK_PLANNED, deckId, user,
                new DeckPlanned(deckId, "req-1", 1, "Quarterly review", "", PAPER, List.of(document), planned)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(user).get("/api/v1/decks/" + deckId).then()
                .statusCode(200));
        return as(user).contentType(ContentType.JSON).body("{}").post("/api/v1/decks/" + deckId + "/generations")
                .then().statusCode(202).extract().path("generationId");
    }

    private void write(String deckId, String generation, int index, int total, String title, SlideLayout layout,
            List<Bullet> bullets, SlideFigure figure) {
        kafka.send(Topic.SLIDE_GENERATED, EventEnvelope.of(Topic.SLIDE_GENERATED, deckId, user, new SlideGenerated(
                deckId, generation, "req-1", index, total, title, layout, bullets, "Notes.", "offline", List.of(),
                List.of(), null, null, figure)));
    }

    private List<Notification> slideCompletes(String deckId, int count) {
        List<Notification> told = KafkaTestClient.await(Topic.NOTIFICATION, e -> e.aggregateId().equals(user)
                && e.payloadAs(Notification.class).type() == ServerMessageType.SLIDE_COMPLETE
                && e.payload().path("data").toString().contains(deckId), count, Duration.ofSeconds(20))
                .stream().map(e -> e.payloadAs(Notification.class)).toList();
        assertEquals(count, told.size(), "one slide_complete per slide");
        return told;
    }

    private static RequestSpecification as(String user) {
        return given().header("Authorization", "Bearer " + TestTokens.valid(user));
    }
}
