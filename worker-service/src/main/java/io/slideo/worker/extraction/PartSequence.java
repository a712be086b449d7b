package io.slideo.worker.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.slideo.model.document.BlockKind;
import io.slideo.worker.text.TextCleanup;

/**
 * The parts of a document in reading order, each on its page; a slide's first short paragraph
 * becomes its title, and a slide that opens with a list or table is titled by its number.
 */
final class PartSequence {
    private static final Pattern PAGE_NUMBER = Pattern.compile("(?i)(page|slide|seite|p\\.)?\\s*\\d{1,4}");
    // Tika's marks where a footnote is referenced, and Word field codes that leak into the text.
    private static final Pattern REFERENCE_MARKS = Pattern.compile(
            "\\[(footnoteRef|endnoteRef|footnote|endnote):\\d+]|\\b(PAGEREF|REF|NOTEREF) _[A-Za-z]+\\d+( \\\\[a-z])*");
    private static final Pattern FIELD_CODES = Pattern.compile("\\b(PAGEREF|REF|NOTEREF) _[A-Za-z]+\\d+( \\\\[a-z])*");
    static final Pattern FOOTNOTE_MARK = Pattern.compile("\\[(footnoteRef|endnoteRef|footnote|endnote):\\d+]");
    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\u00A0]*\\n");
    private static final int SLIDE_TITLE_WORDS = 15;

    private final List<DocumentPart> parts = new ArrayList<>();
    private int page;
    private boolean slides;
    private boolean slideTitlePending;

    /** Text without footnote reference marks and leaked field codes. */
    static String withoutMarks(CharSequence text) {
        return REFERENCE_MARKS.matcher(text).replaceAll("");
    }

    List<DocumentPart> parts() {
        return parts;
    }

    /** Pages (or slides) seen as page divisions; 0 when the format has none. */
    int pagesSeen() {
        return page;
    }

    boolean isSlideShow() {
        return slides;
    }

    int startPage() {
        return ++page;
    }

    int startSlide() {
        slides = true;
        slideTitlePending = true;
        return ++page;
    }

    void endSlide() {
        slideTitlePending = false;
    }

    void heading(int level, CharSequence raw) {
        String text = TextCleanup.normalize(withoutMarks(raw));
        if (!text.isEmpty()) {
            slideTitlePending = false;
            parts.add(new DocumentPart.Heading(level, text, currentPage()));
        }
    }

    /** Paragraph text; blank lines inside it (plain text, PDF) separate paragraphs. */
    void paragraph(CharSequence raw, boolean inNotes) {
        // A paragraph keeps its footnote marks until it becomes a block (TextCleanup drops them there): a
        // footnoted line is a statement with a source, which DocumentTitle never takes for a title.
        for (String chunk : BLANK_LINE.split(FIELD_CODES.matcher(raw).replaceAll(""))) {
            String body = chunk.strip();
            String text = TextCleanup.normalize(withoutMarks(body));
            if (text.isEmpty() || PAGE_NUMBER.matcher(text).matches() || takeSlideTitle(text, inNotes)) {
                continue;
            }
            parts.add(new DocumentPart.Content(kind(BlockKind.PARAGRAPH, inNotes), body, currentPage(), List.of(),
                    List.of()));
        }
    }

    void list(List<String> items, boolean inNotes) {
        if (items.isEmpty()) {
            return;
        }
        ensureSlideTitle(inNotes);
        parts.add(new DocumentPart.Content(kind(BlockKind.LIST, inNotes), String.join("\n", items), currentPage(),
                List.copyOf(items), List.of()));
    }

    void table(List<List<String>> rows, boolean inNotes) {
        if (rows.isEmpty()) {
            return;
        }
        ensureSlideTitle(inNotes);
        List<String> lines = rows.stream().map(r -> String.join(" | ", r)).toList();
        parts.add(new DocumentPart.Content(kind(BlockKind.TABLE, inNotes), String.join("\n", lines), currentPage(),
                List.of(), List.copyOf(rows)));
    }

    /** The first short paragraph of a slide is its title. */
    private boolean takeSlideTitle(String text, boolean inNotes) {
        if (!slideTitlePending || inNotes) {
            return false;
        }
        slideTitlePending = false;
        if (TextCleanup.wordCount(text) <= SLIDE_TITLE_WORDS) {
            parts.add(new DocumentPart.Heading(1, text, currentPage()));
            return true;
        }
        parts.add(new DocumentPart.Heading(1, "Slide " + currentPage(), currentPage()));
        return false;
    }

    private void ensureSlideTitle(boolean inNotes) {
        if (slideTitlePending && !inNotes) {
            slideTitlePending = false;
            parts.add(new DocumentPart.Heading(1, "Slide " + currentPage(), currentPage()));
        }
    }

    private static BlockKind kind(BlockKind kind, boolean inNotes) {
        return inNotes ? BlockKind.NOTE : kind;
    }

    private int currentPage() {
        return Math.max(page, 1);
    }
}
