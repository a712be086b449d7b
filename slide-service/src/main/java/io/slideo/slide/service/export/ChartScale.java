package io.slideo.slide.service.export;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A value axis with round steps from the chart's range, and values written as the table wrote them (unit and all). */
record ChartScale(double min, double max, List<Double> ticks) {
    private static final int TARGET_TICKS = 5;

    static ChartScale of(double[] range) {
        double low = range[0];
        double high = range[1];
        if (high - low < 1e-9) {
            high = low + 1;
        }
        double rough = (high - low) / TARGET_TICKS;
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double step = magnitude;
        for (double m : new double[] { 1, 2, 2.5, 5, 10 }) {
            if (m * magnitude >= rough) {
                step = m * magnitude;
                break;
            }
        }
        double min = Math.floor(low / step) * step;
        double max = Math.ceil(high / step) * step;
        List<Double> ticks = new ArrayList<>();
        for (double t = min; t <= max + step / 2; t += step) {
            ticks.add(Math.abs(t) < step / 1e6 ? 0 : t);
        }
        return new ChartScale(min, max, ticks);
    }

    /** Where a value falls between the axis ends, 0 to 1. */
    double share(double value) {
        return (value - min) / (max - min);
    }

    /** "1,234", "12.5 %" (in the deck language's marks: "1 234", "12,5 %"), "$4m", "−3.2": grouped, at most two decimals, the unit where the table put it. */
    static String format(Double value, String unit, Locale locale) {
        if (value == null) {
            return "";
        }
        DecimalFormatSymbols marks = DecimalFormatSymbols.getInstance(locale == null ? Locale.ROOT : locale);
        // The figures a deck's own fonts are sure to have: a plain space to group, a hyphen-free minus below.
        if (Character.isSpaceChar(marks.getGroupingSeparator())) {
            marks.setGroupingSeparator(' ');
        }
        DecimalFormat number = new DecimalFormat("#,##0.##", marks);
        String digits = number.format(Math.abs(value));
        String sign = value < 0 ? "\u2212" : "";
        String u = unit == null ? "" : unit;
        if (!u.isEmpty() && "$\u20ac\u00a3\u00a5".indexOf(u.charAt(0)) >= 0) {
            return sign + u.charAt(0) + digits + u.substring(1);
        }
        if (u.isEmpty()) {
            return sign + digits;
        }
        return sign + digits + ("%".equals(u) || u.matches("[kKmMbB]n?|bn") ? u : " " + u);
    }
}
