package io.slideo.slide.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.deck.SourceRef;
import io.slideo.model.event.DeckPlanned;
import io.slideo.model.event.EventEnvelope;
import io.slideo.model.event.Topic;
import io.slideo.model.theme.Theme;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.KafkaTestClient;
import io.slideo.testing.TestTokens;

/** The GraphQL endpoint itself: several root fields in one query, its errors, and the limits on a query. */
@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
class DeckGraphQLTest {
    private static final Theme THEME = new Theme("slideo-light", "Light", "", "#ffffff", "#111111", "#000000",
            "#2f6fde", "Liberation Sans", "Liberation Sans");
    @RegisterExtension
    private static final KafkaTestClient kafka = new KafkaTestClient();
    private final String user = TestTokens.newUser();

    @Test
    void twoAliasedListsInOneQueryBothAnswerData() {
        String deckId = plan();
        graphql(user, "{ a: decks { id } b: decks { id } }")
                .body("errors", nullValue())
                .body("data.a.id", hasItem(deckId))
                .body("data.b.id", hasItem(deckId));
    }

    @Test
    void theListAndOneDeckInOneQueryBothAnswerData() {
        String deckId = plan();
        graphql(user, "{ decks { id } deck(id: \"" + deckId + "\") { id title slides { versions { title } } } }")
                .body("errors", nullValue())
                .body("data.decks.id", hasItem(deckId))
                .body("data.deck.title", equalTo("GraphQL review"));
    }

    @Test
    void aRefusedFieldCarriesTheRequestIdWhileTheOtherFieldAnswers() {
        String deckId = plan();
        graphql(user, "req-gql-1", "{ decks { id } deck(id: \"" + UUID.randomUUID() + "\") { id } }")
                .body("data.decks.id", hasItem(deckId))
                .body("data.deck", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].path", equalTo(List.of("deck")))
                .body("errors[0].extensions.error.code", equalTo("NOT_FOUND"))
                .body("errors[0].extensions.error.retryable", equalTo(false))
                .body("errors[0].extensions.error.request_id", equalTo("req-gql-1"));
    }

    @Test
    void anInvalidQueryIsAnsweredInTheSharedShapeWithAMadeUpRequestIdWhenNoneWasSent() {
        graphql(user, "{ decks { colour } }")
                .body("data", nullValue())
                .body("errors[0].extensions.error.code", equalTo("INVALID_FIELD"))
                .body("errors[0].extensions.error.message", equalTo(
                        "Validation error (FieldUndefined@[decks/colour]) : Field 'colour' in type 'Deck' is undefined"))
                .body("errors[0].extensions.error.request_id", notNullValue());
    }

    @Test
    void moreAliasesThanTheLimitAreRefusedNamingTheLimit() {
        String aliases = IntStream.rangeClosed(1, 11).mapToObj(i -> "d" + i + ": decks { id }")
                .collect(Collectors.joining(" "));
        graphql(user, "req-gql-aliases", "{ " + aliases + " }")
                .body("data", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].message", equalTo("The query uses 11 aliases; the maximum number of aliases is 10"))
                .body("errors[0].extensions.error.code", equalTo("TOO_LARGE"))
                .body("errors[0].extensions.error.message",
                        equalTo("The query uses 11 aliases; the maximum number of aliases is 10"))
                .body("errors[0].extensions.error.request_id", equalTo("req-gql-aliases"));
        String tenAliases = aliases.substring(0, aliases.indexOf(" d11:"));
        graphql(user, "{ " + tenAliases + " }").body("errors", nullValue()).body("data.d10", notNullValue());
    }

    @Test
    void aQueryOverTheComplexityLimitIsRefusedNamingTheLimit() {
        graphql(user, "{ decks { " + "id title ".repeat(150) + "} }")
                .body("data", nullValue())
                .body("errors[0].extensions.error.code", equalTo("TOO_LARGE"))
                .body("errors[0].extensions.error.message",
                        equalTo("The query's complexity is 301; the maximum query complexity is 200"));
    }

    @Test
    void introspectionIsTurnedOff() {
        graphql(user, "{ __schema { types { name } } }")
                .body("data", nullValue())
                .body("errors[0].extensions.error.code", equalTo("INVALID_FIELD"))
                .body("errors[0].extensions.error.message", equalTo("Introspection is turned off on this server"));
        graphql(user, "{ __type(name: \"Deck\") { fields { name } } }")
                .body("data", nullValue())
                .body("errors[0].extensions.error.message", equalTo("Introspection is turned off on this server"));
    }

    private String plan() {
        String deckId = UUID.randomUUID().toString();
        String document = UUID.randomUUID().toString();
        List<PlannedSlide> slides = List.of(new PlannedSlide(0, "Opening", SlideLayout.TITLE, List.of("Point"),
                List.of(new SourceRef(document, 1))));
        kafka.send(Topic.DECK_PLANNED, EventEnvelope.of(Topic.DECK_PLANNED, deckId, user,
                new DeckPlanned(deckId, "req-gql", 1, "GraphQL review", "Review", THEME, List.of(document), slides)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(user).get("/api/v1/decks/" + deckId).then()
                .statusCode(200));
        return deckId;
    }

    private static ValidatableResponse graphql(String user, String query) {
        return as(user).contentType(ContentType.JSON).body(Map.of("query", query)).post("/graphql").then()
                .log().ifValidationFails().statusCode(200);
    }

    private static ValidatableResponse graphql(String user, String requestId, String query) {
        return as(user).header("X-Request-Id", requestId).contentType(ContentType.JSON).body(Map.of("query", query))
                .post("/graphql").then().log().ifValidationFails().statusCode(200);
    }

    private static RequestSpecification as(String user) {
        return given().header("Authorization", "Bearer " + TestTokens.valid(user));
    }
}
