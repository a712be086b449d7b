package io.slideo.runtime.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.slideo.model.deck.SlideLayout;

class JsonFieldErrorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Slide(String title, SlideLayout layout, List<String> keyPoints) {
    }

    record Edit(Integer revision, Boolean research, List<Slide> slides) {
    }

    @Test
    void aMistypedFieldIsNamedByItsJsonPathWithTheKindOfValueItTakes() {
        assertEquals("revision must be a whole number", mismatched("{\"revision\": \"two\"}"));
        assertEquals("research must be true or false", mismatched("{\"research\": [1]}"));
        assertEquals("slides must be a list", mismatched("{\"slides\": \"all of them\"}"));
        assertEquals("slides[1].keyPoints must be a list",
                mismatched("{\"slides\": [{\"title\": \"a\"}, {\"keyPoints\": 5}]}"));
        assertEquals("slides[0].title must be text", mismatched("{\"slides\": [{\"title\": {\"x\": 1}}]}"));
        assertEquals("slides[0] must be an object with its own fields", mismatched("{\"slides\": [7]}"));
    }

    @Test
    void anUnknownEnumValueListsTheValuesItTakes() {
        String message = mismatched("{\"slides\": [{\"layout\": \"DIAGRAM\"}]}");

        assertEquals("slides[0].layout must be one of " + java.util.Arrays.toString(SlideLayout.values()), message);
    }

    @Test
    void aBodyThatIsNotJsonSaysWhereReadingStopped() {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> JSON.readValue("{\"revision\": 1,\n  nope}", Edit.class));

        assertEquals("The request body is not valid JSON (line 2, column 3)", JsonFieldErrors.unreadable(e));
    }

    @Test
    void anUnknownFieldIsNamedWhenTheMapperRefusesThem() {
        ObjectMapper strict = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        JsonMappingException e = assertThrows(JsonMappingException.class,
                () -> strict.readValue("{\"slides\": [{\"colour\": \"red\"}]}", Edit.class));

        assertEquals("slides[0].colour is not a field of this request", JsonFieldErrors.mismatched(e));
    }

    private static String mismatched(String body) {
        JsonMappingException e = assertThrows(JsonMappingException.class, () -> JSON.readValue(body, Edit.class));
        return JsonFieldErrors.mismatched(e);
    }
}
