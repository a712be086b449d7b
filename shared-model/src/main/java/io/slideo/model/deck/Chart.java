package io.slideo.model.deck;

import java.util.ArrayList;
import java.util.List;

/**
 * A table's numbers as a chart: one category per body row (the label column), one series per number
 * column, values as the table writes them (null where a cell is empty or a dash), and the unit they are
 * in ("%", "$m"), which the value axis is titled with. Every renderer draws this same record.
 */
public record Chart(Kind kind, List<String> categories, List<Series> series, String unit, String valueTitle) {

    /** Line for an ordered series, pie for shares of a whole, bar (horizontal) for many or long labels, column otherwise. */
    public enum Kind {
        COLUMN,
        BAR,
        LINE,
        PIE
    }

    public record Series(String name, List<Double> values) {
        public Series {
            values = values == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    public Chart {
        categories = categories == null ? List.of() : List.copyOf(categories);
        series = series == null ? List.of() : List.copyOf(series);
        unit = unit == null ? "" : unit;
        valueTitle = valueTitle == null ? "" : valueTitle;
    }

    /** The smallest and largest value drawn (0 included: bars start at the axis), for the value axis. */
    public double[] range() {
        double min = 0;
        double max = 0;
        for (Series s : series) {
            for (Double v : s.values()) {
                if (v != null) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return new double[] { min, max };
    }
}
