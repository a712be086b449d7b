package io.slideo.model.deck;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number as a table cell writes it: "1,234", "1.234.567", "12,5", "12.5 %", "(3.2)" (negative),
 * "−4", "$4m", "€ 1.2 bn". The value is the written number (4 for "$4m": the unit says the scale); the
 * unit is what stood around it ("$m", "%"), kept for the axis title.
 */
public record ChartNumber(double value, String unit) {
    private static final Pattern CELL = Pattern.compile(
            "^(?<neg>[-\u2212\u2013+]?)\\(?(?<pre>[$\u20ac\u00a3\u00a5]|[A-Z]{3}(?= ))?\\s?(?<num>\\d[\\d.,' ]*\\d|\\d)"
                    + "\\s?(?<post>%|\u2030|per ?cent|pct|[kKmMbB]n?|bn|million|billion|thousand|[a-zA-Z\u00b5\u00b0/\u00b2\u00b3]{1,6}(?:/[a-z]{1,4})?)?\\)?\\*?$");
    // Cells a table writes for "no value": blank, dashes, dots, n/a.
    private static final Pattern MISSING = Pattern.compile("^(|[-\u2013\u2014\u2212.\u2026x*]+|n/?a|na|nd|\\?)$",
            Pattern.CASE_INSENSITIVE);

    public static boolean missing(String cell) {
        return cell == null || MISSING.matcher(cell.strip()).matches();
    }

    public static Optional<ChartNumber> parse(String cell) {
        if (cell == null) {
            return Optional.empty();
        }
        String text = cell.replace('\u00a0', ' ').replace('\u202f', ' ').replace('\u2009', ' ').strip();
        Matcher m = CELL.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        Double number = number(m.group("num"));
        if (number == null) {
            return Optional.empty();
        }
        boolean bracketed = text.startsWith("(") && text.endsWith(")") || text.startsWith(m.group("neg") + "(");
        boolean negative = bracketed || !m.group("neg").isEmpty() && !"+".equals(m.group("neg"));
        String post = m.group("post") == null ? "" : m.group("post");
        // "percent" written out is the same unit as "%": one axis for "1.5 percent" and "2 %".
        String unit = (m.group("pre") == null ? "" : m.group("pre")) + (post.matches("per ?cent|pct") ? "%" : post);
        return Optional.of(new ChartNumber(negative ? -number : number, unit));
    }

    /** Thousands and decimal marks told apart: a mark before exactly three digits that repeats or meets the other mark groups. */
    private static Double number(String digits) {
        String d = digits.replace(" ", "").replace("'", "");
        int commas = count(d, ',');
        int dots = count(d, '.');
        String plain;
        if (commas > 0 && dots > 0) {
            plain = d.lastIndexOf(',') > d.lastIndexOf('.') ? d.replace(".", "").replace(',', '.') : d.replace(",", "");
        } else if (commas > 1 || commas == 1 && d.matches("\\d{1,3},\\d{3}")) {
            plain = d.replace(",", "");
        } else if (commas == 1) {
            plain = d.replace(',', '.');
        } else if (dots > 1) {
            plain = d.replace(".", "");
        } else {
            plain = d;
        }
        if (!plain.matches("\\d+(\\.\\d+)?")) {
            return null;
        }
        return Double.parseDouble(plain);
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }
}
