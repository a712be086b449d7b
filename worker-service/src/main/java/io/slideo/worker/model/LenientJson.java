package io.slideo.worker.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads a model's JSON answer the way a person would: the object wherever it sits in the text (after
 * prose, inside code fences), with comments, single quotes, unquoted names and trailing commas
 * forgiven. An object that is never closed (a cut-off answer) is not guessed at: it fails, and the
 * caller asks for a repair.
 */
public final class LenientJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS,
                    JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .enable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
            .build();

    private LenientJson() {
    }

    /** The answer's JSON object as {@code type}; a failure says what was wrong, for the repair prompt. */
    public static <T> T parse(String answer, Class<T> type) throws NotJson {
        String object = object(answer == null ? "" : answer);
        try {
            return MAPPER.readValue(object, type);
        } catch (JsonProcessingException e) {
            throw new NotJson("it is not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    /** The first balanced {...} of the text, with strings (and braces inside them) skipped. */
    static String object(String text) throws NotJson {
        int start = text.indexOf('{');
        if (start < 0) {
            throw new NotJson("it holds no JSON object");
        }
        int depth = 0;
        boolean inString = false;
        char quote = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    inString = false;
                }
            } else if (c == '"' || c == '\'') {
                inString = true;
                quote = c;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return text.substring(start, i + 1);
                }
            }
        }
        throw new NotJson("it is cut off: the JSON object is never closed");
    }

    /** Why an answer is not the JSON asked for, in words the repair prompt can pass on. */
    public static class NotJson extends Exception {
        public NotJson(String message) {
            super(message);
        }
    }
}
