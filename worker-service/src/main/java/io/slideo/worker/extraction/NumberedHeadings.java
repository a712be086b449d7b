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
    // A paper's sections as IEEE sets them: "IV. BEYOND STRING CONTROL", then "A. String-Cluster System".
    private static final Pattern ROMAN = Pattern.compile("([IVX]{1,5})\\.\\s+(\\p{Lu}[^a-z]{2,100})");
    private static final Pattern LETTERED = Pattern.compile("([A-H])\\.\\s+(\\p{Lu}[^.!?]{1,90}?)\\s*");
    private static final Pattern UNNUMBERED = Pattern.compile(
            "(?i)(references|acknowledge?ments?|appendix(\\s+[A-Z])?|bibliography)");
    private static final List<String> NUMERALS = List.of("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
            "XI", "XII", "XIII", "XIV", "XV");

    private NumberedHeadings() {
    }

    /**
     * The parts with lines numbered in Roman numerals and set in capitals ("II. RELATED WORK") made
     * headings of level 1, and lettered lines after them ("A. String-Cluster System") of level 2, each
     * series counting up from its start; unchanged unless two Roman ones count up from "I".
     */
    static List<DocumentPart> applyRoman(List<DocumentPart> parts) {
        List<DocumentPart> result = new ArrayList<>();
        int nextNumeral = 0;
        char nextLetter = 'A';
        for (DocumentPart part : parts) {
            String line = part instanceof DocumentPart.Content c && c.kind() == BlockKind.PARAGRAPH
                    && !c.rawText().strip().contains("\n") ? TextCleanup.normalize(c.rawText()) : "";
            Matcher roman = ROMAN.matcher(line);
            Matcher lettered = LETTERED.matcher(line);
            int page = part instanceof DocumentPart.Content c ? c.page() : 0;
            if (roman.matches() && nextNumeral < NUMERALS.size() && roman.group(1).equals(NUMERALS.get(nextNumeral))
                    && TextCleanup.wordCount(roman.group(2)) <= MAX_WORDS + 3) {
                result.add(new DocumentPart.Heading(1, roman.group(2).strip(), page));
                nextNumeral++;
                nextLetter = 'A';
            } else if (nextNumeral > 0 && capitals(line) && UNNUMBERED.matcher(line).matches()) {
                result.add(new DocumentPart.Heading(1, line, page)); // "REFERENCES": numbered by no paper
            } else if (result.size() > 0 && result.get(result.size() - 1) instanceof DocumentPart.Heading open
                    && open.level() == 1 && nextNumeral > 0 && capitals(line) && !roman.matches()) {
                // "IV. BEYOND STRING CONTROL: ENABLING GCSR THROUGH" goes on in the next line in capitals.
                result.set(result.size() - 1, new DocumentPart.Heading(1, open.text() + " " + line, open.page()));
            } else if (nextNumeral > 0 && lettered.matches() && lettered.group(1).charAt(0) == nextLetter
                    && TextCleanup.wordCount(lettered.group(2)) <= MAX_WORDS) {
                result.add(new DocumentPart.Heading(2, lettered.group(2).strip(), page));
                nextLetter++;
            } else {
                result.add(part);
            }
        }
        return nextNumeral >= 2 ? result : parts;
    }

    /** A short line in capitals: a heading's second line, not a sentence. */
    private static boolean capitals(String line) {
        return line.codePoints().anyMatch(Character::isLetter) && line.equals(line.toUpperCase(java.util.Locale.ROOT))
                && TextCleanup.wordCount(line) <= MAX_WORDS;
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
