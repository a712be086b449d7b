package io.slideo.worker.extraction;

import java.util.ArrayList;
import java.util.List;

import io.slideo.model.document.BlockKind;
import io.slideo.worker.text.BulletText;

/**
 * Some PDFs give every printed line as a paragraph of its own (a two-column paper set with wide
 * leading), so a sentence arrives cut into lines: "untethered scratch drive actuator (USDA) that
 * provides forward" / "motion, and a steering-arm actuator…". A paragraph that stops without ending
 * its sentence goes on in the next when that one cannot open a sentence (lower case, "×", a bracket) or the first ends where a
 * clause cannot (a comma, a hyphen, "the", "of"); across a column or page break too, never across a heading.
 */
final class BrokenLines {
    private static final String SENTENCE_END = ".!?:;\u3002\uff01\uff1f\u2026";

    private BrokenLines() {
    }

    static List<DocumentPart> join(List<DocumentPart> parts) {
        List<DocumentPart> result = new ArrayList<>(parts.size());
        for (DocumentPart part : parts) {
            DocumentPart last = result.isEmpty() ? null : result.get(result.size() - 1);
            if (last instanceof DocumentPart.Content before && part instanceof DocumentPart.Content after
                    && before.kind() == BlockKind.PARAGRAPH && after.kind() == BlockKind.PARAGRAPH
                    && goesOn(before.rawText().strip(), after.rawText().strip())) {
                result.set(result.size() - 1, new DocumentPart.Content(BlockKind.PARAGRAPH,
                        joined(before.rawText().strip(), after.rawText().strip()), before.page(), before.items(),
                        before.rows()));
            } else {
                result.add(part);
            }
        }
        return result;
    }

    static boolean goesOn(String before, String after) {
        // A closing quote or bracket after the full stop ends the sentence too: look past it.
        String end = before.replaceAll("[\"\u201d\u2019')\\]]+$", "");
        if (end.isEmpty() || after.isEmpty() || SENTENCE_END.indexOf(end.charAt(end.length() - 1)) >= 0) {
            return false;
        }
        String lastLine = before.substring(before.lastIndexOf('\n') + 1);
        return !opensSentence(after) || BulletText.endsMidClause(lastLine);
    }

    // A capital, a digit, a bullet or a quote may open a sentence or a list line; "×", "(MEMS) is" or "and" go on.
    private static boolean opensSentence(String text) {
        int first = text.codePointAt(0);
        return Character.isUpperCase(first) || Character.isDigit(first) || Character.isLetter(first) && !Character.isLowerCase(first)
                || "\"\u201c\u2018'\u00b7\u2022\u25aa\u25e6\u2023\u25cf\u25cb\u25a0\u25a1\u27a2\u27a4\u2713\u2714\uf0a7\uf0b7-*[".indexOf(first) >= 0;
    }

    /** The two as one paragraph: a word broken at the line end ("multi-" / "shapes") stays one word. */
    private static String joined(String before, String after) {
        boolean brokenWord = before.endsWith("-") && Character.isLowerCase(after.codePointAt(0))
                && before.length() > 1 && Character.isLetter(before.charAt(before.length() - 2));
        return before + (brokenWord ? "" : "\n") + after;
    }
}
