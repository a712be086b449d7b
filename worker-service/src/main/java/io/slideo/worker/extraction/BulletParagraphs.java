package io.slideo.worker.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.slideo.model.document.BlockKind;
import io.slideo.worker.text.TextCleanup;

/**
 * Word writes a bulleted list as paragraphs that begin with the bullet's glyph ("· Bullet 1"), and
 * Tika passes them on as paragraphs. Consecutive such paragraphs on one page are one list, without
 * the glyphs; so are paragraphs numbered "1)", "2)"… in a row.
 */
final class BulletParagraphs {
    private static final Pattern BULLET = Pattern.compile("\\s*[·•▪◦‣●○■□➢➤✓✔\\uF0A7\\uF0B7]\\s+(\\S.*)");

    private static final Pattern NUMBERED = Pattern.compile("(\\d{1,2})\\)\\s+(\\S[^\\n]*)");

    private BulletParagraphs() {
    }

    static List<DocumentPart> group(List<DocumentPart> parts) {
        return glyphs(numbered(parts));
    }

    /**
     * A numbered list Word wrote as paragraphs ("1) Number bullet 1", "2) …"): two or more in a row,
     * counting up from 1, on one page, are one list without their numbers.
     */
    private static List<DocumentPart> numbered(List<DocumentPart> parts) {
        List<DocumentPart> result = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            int end = i;
            while (end < parts.size() && numberOf(parts.get(end)) == end - i + 1
                    && ((DocumentPart.Content) parts.get(end)).page() == ((DocumentPart.Content) parts.get(i)).page()) {
                end++;
            }
            if (end - i < 2) {
                result.add(parts.get(i));
                continue;
            }
            List<String> items = parts.subList(i, end).stream().map(p -> ((DocumentPart.Content) p).rawText().strip())
                    .map(t -> TextCleanup.normalize(t.substring(t.indexOf(')') + 1))).toList();
            result.add(new DocumentPart.Content(BlockKind.LIST, String.join("\n", items),
                    ((DocumentPart.Content) parts.get(i)).page(), items, List.of()));
            i = end - 1;
        }
        return result;
    }

    /** The number of a one-line paragraph that opens "3) ", or 0. */
    private static int numberOf(DocumentPart part) {
        if (part instanceof DocumentPart.Content c && c.kind() == BlockKind.PARAGRAPH) {
            Matcher numbered = NUMBERED.matcher(c.rawText().strip());
            return numbered.matches() ? Integer.parseInt(numbered.group(1)) : 0;
        }
        return 0;
    }

    private static List<DocumentPart> glyphs(List<DocumentPart> parts) {
        List<DocumentPart> result = new ArrayList<>(parts.size());
        List<String> items = new ArrayList<>();
        int page = 0;
        for (DocumentPart part : parts) {
            List<String> bullets = part instanceof DocumentPart.Content c && c.kind() == BlockKind.PARAGRAPH
                    ? items(c) : List.of();
            if (bullets.isEmpty() || !items.isEmpty() && ((DocumentPart.Content) part).page() != page) {
                flush(items, page, result);
            }
            if (bullets.isEmpty()) {
                result.add(part);
            } else {
                page = ((DocumentPart.Content) part).page();
                items.addAll(bullets);
            }
        }
        flush(items, page, result);
        return result;
    }

    /** The items of a paragraph that opens with a bullet (a PDF keeps several in one); none otherwise. */
    private static List<String> items(DocumentPart.Content content) {
        List<String> lines = content.rawText().strip().lines().toList();
        if (lines.isEmpty() || !BULLET.matcher(lines.get(0)).matches()) {
            return List.of();
        }
        List<StringBuilder> items = new ArrayList<>();
        for (String line : lines) {
            Matcher bullet = BULLET.matcher(line);
            if (bullet.matches()) {
                items.add(new StringBuilder(bullet.group(1)));
            } else {
                items.get(items.size() - 1).append('\n').append(line); // the item goes on
            }
        }
        return items.stream().map(item -> TextCleanup.normalize(item.toString())).filter(t -> !t.isEmpty()).toList();
    }

    private static void flush(List<String> items, int page, List<DocumentPart> result) {
        if (!items.isEmpty()) {
            result.add(new DocumentPart.Content(BlockKind.LIST, String.join("\n", items), page, List.copyOf(items),
                    List.of()));
            items.clear();
        }
    }
}
