package io.slideo.model.deck;

import java.text.DateFormatSymbols;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a chart out of a table (header row first): the first column labels the rows, every other column
 * holds numbers (a blank column is skipped; a column of words means the table is not a chart). The worker
 * asks it whether a table is a chart, the exports ask it for the chart to draw: one reading, one chart.
 */
public final class ChartReading {
    public static final int MIN_ROWS = 3;
    public static final int MAX_CATEGORIES = 24;
    /** A series in time reads as a line however many points it has, up to this many. */
    public static final int MAX_POINTS = 60;
    public static final int MAX_SERIES = 5;
    private static final int MAX_PIE_SLICES = 6;
    private static final int MANY_BARS = 8;
    private static final int LONG_LABEL = 16;
    private static final Pattern TOTAL = Pattern.compile(
            "(?i)(grand )?totals?|sum|all|overall|gesamt|insgesamt|totale|summe|итого|всего");
    private static final Pattern YEAR = Pattern.compile("(?i)(fy|cy)?\\s?'?(1[89]|20)\\d\\d([/\u2013-]\\d{2,4})?[a-z*]?");
    private static final Pattern QUARTER = Pattern.compile("(?i)(q[1-4]|[1-4]q|h[12])[\\s/-]*((19|20)?\\d\\d)?|((19|20)?\\d\\d)[\\s/-]*(q[1-4]|h[12])");
    private static final Pattern DATE = Pattern.compile(
            "\\d{4}-\\d{1,2}(-\\d{1,2})?|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}|\\d{4}/\\d{1,2}");
    private static final Set<String> MONTHS = months();

    private ChartReading() {
    }

    public static Optional<Chart> of(List<List<String>> rows) {
        if (rows == null || rows.size() < MIN_ROWS + 1 || rows.get(0).size() < 2) {
            return Optional.empty();
        }
        List<String> header = rows.get(0);
        List<List<String>> body = new ArrayList<>(rows.subList(1, rows.size()));
        body.removeIf(r -> r.stream().allMatch(ChartNumber::missing));
        int columns = header.size();
        List<String> labels = body.stream().map(r -> cell(r, 0)).toList();
        int most = (ordered(labels) ? MAX_POINTS : MAX_CATEGORIES) + 1; // + a total row
        if (body.size() < MIN_ROWS || body.size() > most || labels.stream().anyMatch(String::isEmpty)) {
            return Optional.empty();
        }
        List<Chart.Series> series = new ArrayList<>();
        List<String> units = new ArrayList<>();
        for (int c = 1; c < columns; c++) {
            int column = c;
            List<String> cells = body.stream().map(r -> cell(r, column)).toList();
            if (cells.stream().allMatch(ChartNumber::missing)) {
                continue;
            }
            List<Double> values = new ArrayList<>();
            Map<String, Integer> unitCounts = new HashMap<>();
            for (String cellText : cells) {
                Optional<ChartNumber> n = ChartNumber.parse(cellText);
                if (n.isEmpty() && !ChartNumber.missing(cellText)) {
                    return Optional.empty(); // words among the numbers: a table to read, not a chart
                }
                values.add(n.map(ChartNumber::value).orElse(null));
                n.ifPresent(x -> unitCounts.merge(x.unit(), 1, Integer::sum));
            }
            // A series may start late (a registry opened in 1992): half its cells, and three at least, are numbers.
            long numbers = values.stream().filter(v -> v != null).count();
            if (numbers < MIN_ROWS || numbers * 2 < values.size()) {
                return Optional.empty();
            }
            units.add(unitCounts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(""));
            series.add(new Chart.Series(cell(header, c), values));
        }
        // A table whose "label" column is itself a measure (two numbers per row) reads as labels too; years do.
        if (series.isEmpty() || series.size() > MAX_SERIES || units.stream().distinct().count() > 1) {
            return Optional.empty(); // one value axis: series in different units would mislead
        }
        return Optional.of(shaped(header, labels, series, units.get(0)));
    }

    private static Chart shaped(List<String> header, List<String> labels, List<Chart.Series> series, String unit) {
        List<String> categories = new ArrayList<>(labels);
        List<Chart.Series> kept = new ArrayList<>(series);
        if (totalRow(categories, kept)) {
            categories.remove(categories.size() - 1);
            kept = kept.stream().map(s -> new Chart.Series(s.name(), s.values().subList(0, s.values().size() - 1))).toList();
        }
        Chart.Kind kind = kind(categories, kept, unit, header);
        String title = kept.size() == 1 ? kept.get(0).name() : "";
        String valueTitle = unit.isEmpty() || title.contains(unit) ? title
                : (title.isEmpty() ? unit : title + " (" + unit + ")");
        return new Chart(kind, categories, kept, unit, valueTitle);
    }

    /** The last row labelled "Total", or adding up the rows above it: the whole, not one more part. */
    private static boolean totalRow(List<String> categories, List<Chart.Series> series) {
        int last = categories.size() - 1;
        if (TOTAL.matcher(categories.get(last).strip()).matches()) {
            return true;
        }
        for (Chart.Series s : series) {
            Double total = s.values().get(last);
            double sum = s.values().subList(0, last).stream().mapToDouble(v -> v == null ? 0 : v).sum();
            if (total == null || Math.abs(total - sum) > Math.max(0.01 * Math.abs(total), 0.5) || last < MIN_ROWS) {
                return false;
            }
        }
        return true;
    }

    static Chart.Kind kind(List<String> categories, List<Chart.Series> series, String unit, List<String> header) {
        if (ordered(categories)) {
            return Chart.Kind.LINE;
        }
        if (categories.size() > MAX_CATEGORIES) {
            return Chart.Kind.BAR;
        }
        if (shares(series, unit, header) && categories.size() <= MAX_PIE_SLICES) {
            return Chart.Kind.PIE;
        }
        boolean longLabels = categories.stream().anyMatch(c -> c.length() > LONG_LABEL);
        return categories.size() > MANY_BARS || longLabels ? Chart.Kind.BAR : Chart.Kind.COLUMN;
    }

    /** Years, quarters, months or dates down the label column: a series in time. */
    static boolean ordered(List<String> categories) {
        long timed = categories.stream().map(c -> c.strip().toLowerCase(Locale.ROOT).replaceAll("\\.$", ""))
                .filter(c -> YEAR.matcher(c).matches() || QUARTER.matcher(c).matches() || DATE.matcher(c).matches()
                        || MONTHS.contains(c) || monthAndYear(c))
                .count();
        return timed * 5 >= categories.size() * 4;
    }

    private static boolean monthAndYear(String label) {
        String[] parts = label.split("[\\s/-]+");
        return parts.length == 2 && (MONTHS.contains(parts[0]) && parts[1].matches("'?\\d{2}|\\d{4}")
                || MONTHS.contains(parts[1]) && parts[0].matches("\\d{4}"));
    }

    /** One series of non-negative percentages adding up to about a hundred. */
    private static boolean shares(List<Chart.Series> series, String unit, List<String> header) {
        if (series.size() != 1 || series.get(0).values().stream().anyMatch(v -> v == null || v < 0)) {
            return false;
        }
        String name = String.join(" ", header).toLowerCase(Locale.ROOT);
        boolean percent = "%".equals(unit) || name.contains("%") || name.contains("percent") || name.contains("share");
        double sum = series.get(0).values().stream().mapToDouble(Double::doubleValue).sum();
        return percent && Math.abs(sum - 100) <= 2.5;
    }

    private static Set<String> months() {
        Set<String> names = new java.util.HashSet<>();
        for (String tag : List.of("en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "pl")) {
            DateFormatSymbols symbols = DateFormatSymbols.getInstance(Locale.forLanguageTag(tag));
            for (String[] list : new String[][] { symbols.getMonths(), symbols.getShortMonths() }) {
                for (String m : list) {
                    if (!m.isBlank()) {
                        names.add(m.toLowerCase(Locale.ROOT).replaceAll("\\.$", ""));
                    }
                }
            }
        }
        names.add("sept");
        return names.stream().collect(Collectors.toUnmodifiableSet());
    }

    private static String cell(List<String> row, int column) {
        return column < row.size() && row.get(column) != null ? row.get(column).strip() : "";
    }
}
