package io.slideo.worker.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.slideo.worker.retrieval.Excerpt;

class PromptCatalogTest {
    private final PromptCatalog catalog = new PromptCatalog();

    @Test
    void everyTemplateOfTheIndexLoadsWithItsIdentityAndSettings() {
        assertEquals(List.of("deck-plan", "slide-write", "speaker-notes", "research-summary", "json-repair"), catalog.names());
        for (PromptTemplate template : catalog.all()) {
            assertTrue(template.version() >= 1, template.name());
            assertFalse(template.description().isBlank(), template.name());
            assertFalse(template.variables().isEmpty(), template.name());
            assertTrue(template.model().maxTokens() != null && template.model().maxTokens() > 0, template.name());
        }
    }

    @Test
    void aMissingVariableFailsNamingItAndTheTemplate() {
        Map<String, Object> variables = slideVariables();
        variables.remove("passages");
        MissingPromptVariable missing = assertThrows(MissingPromptVariable.class,
                () -> catalog.render("slide-write", variables));
        assertEquals("passages", missing.variable());
        assertEquals("Prompt template slide-write@v1 needs the variable 'passages', which was not given",
                missing.getMessage());
    }

    @Test
    void aNullVariableCountsAsMissing() {
        Map<String, Object> variables = slideVariables();
        variables.put("deckTitle", null);
        assertEquals("deckTitle", assertThrows(MissingPromptVariable.class,
                () -> catalog.render("slide-write", variables)).variable());
    }

    @Test
    void passagesRenderWithTheirNumbersAndPagesAndOptionalPartsDisappearWhenNotGiven() {
        RenderedPrompt prompt = catalog.render("slide-write", slideVariables());
        assertTrue(prompt.user().contains("[P1] (\u201cCar parts\u201d, p. 3) Brakes stop the car."), prompt.user());
        assertTrue(prompt.user().contains("- Brakes matter"), prompt.user());
        assertFalse(prompt.user().contains("Web research"), "no research given, no research section");
        assertFalse(prompt.user().contains("instructions for this slide"));
        assertTrue(prompt.system().startsWith("You are a senior strategy consultant"));
    }

    private static Map<String, Object> slideVariables() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("deckTitle", "Car parts");
        variables.put("slideTitle", "Brakes");
        variables.put("layout", "BULLETS");
        variables.put("keyPoints", List.of("Brakes matter"));
        variables.put("passages", List.of(new Excerpt(1, "doc", 0, 3, 3, "\u201cCar parts\u201d, p. 3", "Brakes stop the car.")));
        variables.put("maxBullets", 5);
        variables.put("maxWords", 14);
        return variables;
    }
}
