package io.slideo.worker.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.slideo.model.document.BlockKind;
import io.slideo.worker.text.TextCleanup;

/**
 * Finds headings in text that has no heading markup, as PDFs usually do: a paragraph whose first line
 * is "3.1 Trace Trees" starts a section. Used only when at least two such lines appear with their
 * top-level numbers in order, so a stray numbered sentence does not cut a document apart.
 */
final class NumberedHeadings {
    private static final Pattern NUMBERED = Pattern.compile(
            "(\\d{1,2}(?:\\.\\d{1,2}){0,3})\\.?\\s+(\\p{Lu}[^.!?]{1,90}?)\\s*");
    private static final int MAX_WORDS = 9;

    private NumberedHeadings() {
    }

    /** A heading without its section number: "3.1 Trace Trees" is "Trace Trees". */
    static String withoutNumber(String heading) {
        Matcher m = NUMBERED.matcher(heading.strip());
        return m.matches() ? TextCleanup.normalize(m.group(2)) : heading;
    }

    /** The parts with numbered first lines turned into headings, or the parts unchanged if none qualify. */
    static List<DocumentPart> apply(List<DocumentPart> parts) {
        List<DocumentPart> result = new ArrayList<>();
        int found = 0;
        int lastTop = 0;
        for (DocumentPart part : parts) {
            if (!(part instanceof DocumentPart.Content content) || content.kind() != BlockKind.PARAGRAPH) {
                result.add(part);
                continue;
            }
            String raw = content.rawText().strip();
            int lineEnd = raw.indexOf('\n');
            String firstLine = (lineEnd < 0 ? raw : raw.substring(0, lineEnd)).strip();
            Matcher m = NUMBERED.matcher(firstLine);
            if (!m.matches() || TextCleanup.wordCount(m.group(2)) > MAX_WORDS) {
                result.add(part);
                continue;
            }
            String[] numbers = m.group(1).split("\\.");
            int top = Integer.parseInt(numbers[0]);
            if (top == 0 || top < lastTop || top > lastTop + 3) {
                result.add(part);
                continue;
            }
            lastTop = top;
            found++;
            result.add(new DocumentPart.Heading(numbers.length, TextCleanup.normalize(m.group(2)), content.page()));
            String rest = lineEnd < 0 ? "" : raw.substring(lineEnd + 1).strip();
            if (!rest.isEmpty()) {
                result.add(new DocumentPart.Content(content.kind(), rest, content.page(), content.items(), content.rows()));
            }
        }
        return found >= 2 ? result : parts;
    }
}
