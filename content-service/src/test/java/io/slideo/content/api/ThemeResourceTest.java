package io.slideo.content.api;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.slideo.testing.TestTokens;

@QuarkusTest
class ThemeResourceTest extends ContentApiTest {

    @Test
    void sixOrMoreBuiltInThemesAreListedWithSizesAndStyle() {
        as(user).get("/api/v1/themes").then().statusCode(200)
                .body("id", hasItems("slideo-light", "slideo-dark", "paper", "forest", "terminal", "coral"))
                .body("find { it.id == 'terminal' }.headingFont", equalTo("Liberation Mono"))
                .body("find { it.id == 'paper' }.style", equalTo("rule"))
                .body("find { it.id == 'paper' }.titleFontSize", equalTo(40));
    }

    @Test
    void aCustomThemeIsTheCallersAloneUntilDeleted() {
        String id = asJson(user).body(Map.of("basedOn", "paper", "name", "Board meeting",
                "accentColor", "#1d4ed8", "bodyFontSize", 20)).post("/api/v1/themes").then().statusCode(201)
                .body("id", startsWith("custom-"))
                .body("headingFont", equalTo("Liberation Serif"))
                .body("backgroundColor", equalTo("#fbf7ef"))
                .body("accentColor", equalTo("#1d4ed8"))
                .body("bodyFontSize", equalTo(20))
                .extract().path("id");

        as(user).get("/api/v1/themes").then().body("id", hasItems("slideo-light", id));
        as(user).get("/api/v1/themes/" + id).then().statusCode(200).body("name", equalTo("Board meeting"));
        String stranger = TestTokens.newUser();
        as(stranger).get("/api/v1/themes").then().body("id", not(hasItem(id)));
        as(stranger).get("/api/v1/themes/" + id).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        as(stranger).delete("/api/v1/themes/" + id).then().statusCode(404);

        as(user).delete("/api/v1/themes/" + id).then().statusCode(204);
        as(user).get("/api/v1/themes/" + id).then().statusCode(404);
        as(user).delete("/api/v1/themes/slideo-light").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void unreadableOrUnknownThemesAreRefusedWithEveryReason() {
        create(Map.of("name", "Grey", "backgroundColor", "#ffffff", "textColor", "#777777")).statusCode(400)
                .body("code", equalTo("INVALID_FIELD"))
                .body("message", containsString("textColor #777777 on backgroundColor #ffffff has a contrast ratio of 4.48"));
        create(Map.of("name", "Odd", "titleColor", "red", "headingFont", "Comic Sans MS", "titleFontSize", 120,
                "style", "neon")).statusCode(400)
                .body("message", allOf(containsString("titleColor must be a colour written #rrggbb"),
                        containsString("headingFont must be one of Liberation Sans, Liberation Serif, Liberation Mono"),
                        containsString("titleFontSize must be between 24 and 60 points, not 120"),
                        containsString("style must be one of band, rule, plain")));
        create(Map.of("name", "Zero", "bodyFontSize", 0)).statusCode(400)
                .body("message", containsString("bodyFontSize must be a positive size"));
        create(Map.of("textColor", "#000000")).statusCode(400).body("message", containsString("name must be"));
        create(Map.of("name", "X", "basedOn", "nope")).statusCode(400).body("message", startsWith("basedOn must name"));
        asJson(user).body("{oops").post("/api/v1/themes").then().statusCode(400);
    }

    @Test
    void aPlanMayUseTheCallersCustomThemeButNotSomeoneElses() {
        Map<String, Object> dark = new HashMap<>(Map.of("name", "Night", "basedOn", "slideo-dark", "style", "plain"));
        String id = create(dark).statusCode(201).extract().path("id");
        String document = document(user, "extracted");

        asJson(user).body(Map.of("documentIds", List.of(document), "themeId", id))
                .post("/api/v1/plans").then().statusCode(202).body("themeId", equalTo(id));
        String stranger = TestTokens.newUser();
        String theirs = document(stranger, "extracted");
        asJson(stranger).body(Map.of("documentIds", List.of(theirs), "themeId", id))
                .post("/api/v1/plans").then().statusCode(404).body("message", containsString("Theme"));
    }

    private io.restassured.response.ValidatableResponse create(Map<String, Object> body) {
        return asJson(user).body(body).post("/api/v1/themes").then();
    }
}
