package io.slideo.slide.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.slideo.model.deck.PlannedSlide;

/**
 * How an edited plan maps onto the slides already written: a planned slide the edit kept unchanged
 * (same title, layout, key points and sources) keeps its written slide wherever it moved; a renamed,
 * changed or new one has none until it is written again; a dropped one is retired.
 */
public final class PlanChanges {

    private PlanChanges() {
    }

    /** Old index to new index, for every planned slide that survived the edit unchanged. */
    public static Map<Integer, Integer> moves(List<PlannedSlide> before, List<PlannedSlide> after) {
        Map<Key, List<Integer>> oldPositions = new HashMap<>();
        for (PlannedSlide slide : before) {
            oldPositions.computeIfAbsent(Key.of(slide), k -> new ArrayList<>()).add(slide.index());
        }
        Map<Integer, Integer> moves = new HashMap<>();
        for (PlannedSlide slide : after) {
            List<Integer> candidates = oldPositions.get(Key.of(slide));
            if (candidates == null || candidates.isEmpty()) {
                continue;
            }
            // The nearest old position of an identical slide: duplicates keep their order.
            int best = 0;
            for (int i = 1; i < candidates.size(); i++) {
                if (Math.abs(candidates.get(i) - slide.index()) < Math.abs(candidates.get(best) - slide.index())) {
                    best = i;
                }
            }
            moves.put(candidates.remove(best), slide.index());
        }
        return moves;
    }

    private record Key(String title, String layout, List<String> keyPoints, List<String> sources) {
        static Key of(PlannedSlide slide) {
            return new Key(slide.title(), Objects.toString(slide.layout()), slide.keyPoints(),
                    slide.sources().stream().map(Objects::toString).toList());
        }
    }
}
