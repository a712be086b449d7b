package io.slideo.slide.domain;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.slideo.model.deck.Bullet;
import io.slideo.model.deck.SlideFigure;
import io.slideo.model.deck.SourceRef;
import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.deck.QualityReport;
import io.slideo.model.event.EventCodec;
import io.slideo.model.theme.Theme;

/** Reads and writes the JSON columns, with the suite's own mapper. */
public final class JsonColumns {
    private static final ObjectMapper JSON = EventCodec.newMapper();

    private JsonColumns() {
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Theme theme(Deck deck) {
        return read(deck.theme, new TypeReference<>() {
        });
    }

    public static List<PlannedSlide> plannedSlides(Deck deck) {
        return read(deck.plannedSlides, new TypeReference<>() {
        });
    }

    public static List<String> documentIds(Deck deck) {
        return read(deck.documentIds, new TypeReference<>() {
        });
    }

    public static List<Bullet> bullets(SlideVersion version) {
        return read(version.bullets, new TypeReference<>() {
        });
    }

    public static List<Bullet> secondColumn(SlideVersion version) {
        return version.secondColumn == null ? List.of() : read(version.secondColumn, new TypeReference<>() {
        });
    }

    public static SourceRef tableSource(SlideVersion version) {
        return version.tableSource == null ? null : read(version.tableSource, new TypeReference<SourceRef>() {
        });
    }

    public static SlideFigure figure(SlideVersion version) {
        return version.figure == null ? null : read(version.figure, new TypeReference<SlideFigure>() {
        });
    }

    public static List<List<String>> table(SlideVersion version) {
        return version.tableRows == null ? List.of() : read(version.tableRows, new TypeReference<>() {
        });
    }

    public static QualityReport quality(SlideVersion version) {
        return version.quality == null ? null : read(version.quality, new TypeReference<>() {
        });
    }

    public static List<Integer> slideIndexes(Generation generation) {
        return read(generation.slideIndexes, new TypeReference<>() {
        });
    }

    public static List<Integer> readIntList(String json) {
        return json == null ? List.of() : read(json, new TypeReference<>() {
        });
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is unreadable", e);
        }
    }
}
