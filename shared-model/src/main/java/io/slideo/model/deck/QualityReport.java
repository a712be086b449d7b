package io.slideo.model.deck;

import java.util.List;

/**
 * What the quality gate found and did for one slide: the checks that passed, what it changed to make
 * the slide pass (shortened, split, moved to notes...), and how full the body box is (1.0 = full).
 */
public record QualityReport(boolean passed, List<String> checks, List<String> actions, double fill) {

    public QualityReport {
        checks = checks == null ? List.of() : List.copyOf(checks);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
