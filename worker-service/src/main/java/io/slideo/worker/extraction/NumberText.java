package io.slideo.worker.extraction;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.slideo.model.document.BlockKind;

/**
 * Numbers of a spreadsheet written as a person writes them. Tika formats a cell with its own display
 * format, but a chart's cached values arrive as Java doubles ("5.0", "0.60000000000000009"); without
 * a format to hand they are rounded to the digits a double really holds and lose a trailing ".0".
 */
final class NumberText {
    private static final Pattern DECIMAL = Pattern.compile("(?<![\\d.])-?\\d+\\.\\d+(E-?\\d+)?(?![\\d.])");
    // A double has about 15 significant digits; the rest is binary rounding noise.
    private static final MathContext SIGNIFICANT = new MathContext(12);

    private NumberText() {
    }

    static List<DocumentPart> humane(List<DocumentPart> parts) {
        List<DocumentPart> result = new ArrayList<>(parts.size());
        for (DocumentPart part : parts) {
            // Cells (tables) already show their display format; loose text is a chart's cache.
            if (part instanceof DocumentPart.Content c && c.kind() == BlockKind.PARAGRAPH) {
                result.add(new DocumentPart.Content(c.kind(), humane(c.rawText()), c.page(), c.items(), c.rows()));
            } else {
                result.add(part);
            }
        }
        return result;
    }

    static String humane(String text) {
        Matcher number = DECIMAL.matcher(text);
        if (!number.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        do {
            number.appendReplacement(out, Matcher.quoteReplacement(humaneNumber(number.group())));
        } while (number.find());
        number.appendTail(out);
        return out.toString();
    }

    private static String humaneNumber(String raw) {
        try {
            BigDecimal value = new BigDecimal(raw).round(SIGNIFICANT).stripTrailingZeros();
            return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
        } catch (NumberFormatException e) {
            return raw;
        }
    }
}
