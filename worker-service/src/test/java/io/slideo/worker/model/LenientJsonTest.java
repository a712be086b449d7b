package io.slideo.worker.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LenientJsonTest {

    @Test
    void readsAnObjectWrappedInProseAndFencesWithTrailingCommasAndSingleQuotes() throws Exception {
        String answer = "Sure! Here it is:\n```json\n{'title': 'Brakes', // the title\n bullets: [{\"text\": \"Stop {fast}\","
                + " \"passage\": \"P2\"},],}\n```\nAnything else?";
        Answers.Slide slide = LenientJson.parse(answer, Answers.Slide.class);
        assertEquals("Brakes", slide.title());
        assertEquals("Stop {fast}", slide.bullets().get(0).text());
        assertEquals(2, Answers.number(slide.bullets().get(0).passage()));
        assertTrue(slide.table().isEmpty());
    }

    @Test
    void aCutOffAnswerIsNotGuessedAtButReportedForRepair() {
        LenientJson.NotJson notJson = assertThrows(LenientJson.NotJson.class,
                () -> LenientJson.parse("{\"title\": \"Brakes\", \"bullets\": [{\"text\": \"Sto", Answers.Slide.class));
        assertTrue(notJson.getMessage().contains("cut off"), notJson.getMessage());
    }

    @Test
    void anAnswerWithoutJsonSaysSo() {
        assertTrue(assertThrows(LenientJson.NotJson.class, () -> LenientJson.parse("I cannot help with that.",
                Answers.Slide.class)).getMessage().contains("no JSON object"));
    }

    @Test
    void aSingleCitationIsReadAsAList() throws Exception {
        Answers.PlanSlide slide = LenientJson.parse("{\"title\": \"A\", \"sections\": 4, \"keyPoints\": \"one\"}",
                Answers.PlanSlide.class);
        assertEquals(4, Answers.number(slide.sections().get(0)));
        assertEquals("one", slide.keyPoints().get(0));
    }
}
