package io.slideo.worker.extraction;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import io.slideo.model.document.BlockKind;
import io.slideo.worker.text.TextCleanup;

/**
 * Reads Tika's XHTML events into {@link DocumentPart}s: headings, paragraphs, lists, tables and
 * slide notes, each with its page. Pages come from Tika's {@code <div class="page">} (PDF) and
 * {@code <div class="slide-content">} (PPTX, PPT); a slide's first short paragraph is its title.
 * Not thread-safe: one handler per parse.
 */
final class StructureHandler extends DefaultHandler {
    private static final Set<String> SKIPPED_CLASSES = Set.of("slide-master-content", "package-entry", "embedded",
            "annotation", "annotationSubject", "annotationTitle", "annotationContents", "header", "footer");
    private static final Set<String> SKIPPED_ELEMENTS = Set.of("head", "title", "meta", "script", "style", "link");
    private static final Pattern PAGE_NUMBER = Pattern.compile("(?i)(page|slide|seite|p\\.)?\\s*\\d{1,4}");
    // Tika's marks where a footnote is referenced, and Word field codes that leak into the text.
    private static final Pattern REFERENCE_MARKS = Pattern.compile(
            "\\[(footnoteRef|endnoteRef|footnote|endnote):\\d+]|\\b(PAGEREF|REF|NOTEREF) _[A-Za-z]+\\d+( \\\\[a-z])*");
    // Word's contents-list and index paragraph styles ("TOC 1" arrives as "tOC_1").
    private static final Pattern LISTING_STYLE = Pattern.compile("(?i)toc(_.*)?|table_of_(figures|authorities)|index_\\d");
    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\u00A0]*\\n");
    private static final int SLIDE_TITLE_WORDS = 15;

    // Paragraph styles that name a heading level: "heading 2", "Titre1", "__H_1_GA", "H23" (level 2).
    private static final Pattern HEADING_STYLE = Pattern.compile(
            "(?i)(?:^|[^a-z])(?:h|heading|titre|berschrift|kop)[ _-]*([1-6])(?:[^0-9]|$)");

    private enum Role { PAGE, SLIDE, NOTES, SKIP, HEADING, PARAGRAPH, LIST, ITEM, TABLE, ROW, CELL, OTHER }

    private final long maxCharacters;
    private final BooleanSupplier abandoned;
    private final List<DocumentPart> parts = new ArrayList<>();
    private final Deque<Role> roles = new ArrayDeque<>();
    private final StringBuilder paragraph = new StringBuilder();
    private final StringBuilder heading = new StringBuilder();
    private final StringBuilder item = new StringBuilder();
    private final StringBuilder cell = new StringBuilder();
    private final List<String> items = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();
    private List<String> row = new ArrayList<>();
    private int skipDepth;
    private int notesDepth;
    private int listDepth;
    private int tableDepth;
    private int headingLevel;
    private int page;
    private boolean slides;
    private boolean slideTitlePending;
    private long characters;

    private final IntConsumer pageStarted;
    // Web pages lay out with tables: their cells are flowing text (with headings), not data.
    private final boolean layoutTables;
    private int openHeadingLevel;

    StructureHandler(long maxCharacters, BooleanSupplier abandoned, IntConsumer pageStarted, boolean layoutTables) {
        this.maxCharacters = maxCharacters;
        this.abandoned = abandoned;
        this.pageStarted = pageStarted;
        this.layoutTables = layoutTables;
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

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        checkAbandoned();
        String name = (localName == null || localName.isEmpty() ? qName : localName).toLowerCase(Locale.ROOT);
        Role role = classify(name, attributes.getValue("class"));
        roles.push(role);
        if (role == Role.SKIP) {
            skipDepth++;
        }
        if (skipDepth > 0) {
            return;
        }
        switch (role) {
            case PAGE -> {
                flushParagraph();
                pageStarted.accept(++page);
            }
            case SLIDE -> {
                flushParagraph();
                pageStarted.accept(++page);
                slides = true;
                slideTitlePending = true;
            }
            case NOTES -> {
                flushParagraph();
                notesDepth++;
            }
            case HEADING -> {
                flushParagraph();
                headingLevel = headingLevel(name, attributes.getValue("class"));
                openHeadingLevel = headingLevel;
                heading.setLength(0);
            }
            case PARAGRAPH -> {
                if (listDepth == 0 && tableDepth == 0) {
                    flushParagraph();
                }
            }
            case LIST -> {
                if (listDepth == 0) {
                    flushParagraph();
                }
                listDepth++;
            }
            case ITEM -> commitItem();
            case TABLE -> {
                if (tableDepth == 0) {
                    flushParagraph();
                    rows.clear();
                    row = new ArrayList<>();
                }
                tableDepth++;
            }
            case ROW -> {
                if (tableDepth == 1) {
                    commitRow();
                }
            }
            case CELL -> {
                if (tableDepth == 1) {
                    cell.setLength(0);
                }
            }
            default -> {
                if ("br".equals(name)) {
                    StringBuilder target = target();
                    if (target != null) {
                        target.append('\n');
                    }
                }
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        checkAbandoned();
        Role role = roles.pop();
        boolean skipped = skipDepth > 0;
        if (role == Role.SKIP) {
            skipDepth--;
        }
        if (skipped) {
            return;
        }
        switch (role) {
            case PAGE -> flushParagraph();
            case SLIDE -> {
                flushParagraph();
                slideTitlePending = false;
            }
            case NOTES -> {
                flushParagraph();
                notesDepth--;
            }
            case HEADING -> {
                String text = TextCleanup.normalize(REFERENCE_MARKS.matcher(heading).replaceAll(""));
                heading.setLength(0);
                headingLevel = 0;
                if (!text.isEmpty()) {
                    slideTitlePending = false;
                    parts.add(new DocumentPart.Heading(openHeadingLevel, text, currentPage()));
                }
            }
            case PARAGRAPH -> {
                if (tableDepth > 0) {
                    cell.append('\n');
                } else if (listDepth > 0) {
                    item.append(' ');
                } else {
                    flushParagraph();
                }
            }
            case ITEM -> commitItem();
            case LIST -> {
                listDepth--;
                if (listDepth == 0) {
                    commitItem();
                    emitList();
                }
            }
            case CELL -> {
                if (tableDepth == 1) {
                    row.add(TextCleanup.normalizeLines(REFERENCE_MARKS.matcher(cell).replaceAll("")));
                    cell.setLength(0);
                }
            }
            case ROW -> {
                if (tableDepth == 1) {
                    commitRow();
                }
            }
            case TABLE -> {
                tableDepth--;
                if (tableDepth == 0) {
                    commitRow();
                    emitTable();
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        checkAbandoned();
        if (skipDepth > 0) {
            return;
        }
        StringBuilder target = target();
        if (target == null) {
            return;
        }
        characters += length;
        if (characters > maxCharacters) {
            throw new TooMuchTextException(maxCharacters);
        }
        target.append(ch, start, length);
    }

    /** Tika writes line breaks (PDF lines, text files) as ignorable white space; they mark lines, so keep them. */
    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        StringBuilder target = skipDepth > 0 ? null : target();
        if (target != null) {
            target.append(ch, start, length);
        }
    }

    @Override
    public void endDocument() throws SAXException {
        flushParagraph();
    }

    private Role classify(String name, String cssClass) {
        if (SKIPPED_ELEMENTS.contains(name) || cssClass != null && SKIPPED_CLASSES.contains(cssClass)) {
            return Role.SKIP;
        }
        if ("div".equals(name) && cssClass != null) {
            switch (cssClass) {
                case "page":
                    return Role.PAGE;
                case "slide-content":
                    return Role.SLIDE;
                case "slide-notes", "footnote", "endnote":
                    return Role.NOTES;
                default:
                    return Role.OTHER;
            }
        }
        return switch (name) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> listDepth > 0 || tableDepth > 0 ? Role.OTHER : Role.HEADING;
            case "p" -> paragraphRole(cssClass);
            case "ul", "ol" -> tableDepth > 0 ? Role.OTHER : Role.LIST;
            case "li" -> tableDepth > 0 ? Role.OTHER : Role.ITEM;
            case "table" -> layoutTables ? Role.OTHER : Role.TABLE;
            case "tr" -> layoutTables ? Role.OTHER : Role.ROW;
            case "td", "th" -> layoutTables ? Role.PARAGRAPH : Role.CELL;
            default -> Role.OTHER;
        };
    }

    private Role paragraphRole(String cssClass) {
        if ("notes".equals(cssClass)) {
            return Role.NOTES;
        }
        if (cssClass != null && LISTING_STYLE.matcher(cssClass).matches()) {
            return Role.SKIP;
        }
        boolean styledHeading = cssClass != null && HEADING_STYLE.matcher(cssClass).find();
        return styledHeading && listDepth == 0 && tableDepth == 0 ? Role.HEADING : Role.PARAGRAPH;
    }

    /** Where text goes now: a table cell wins over a heading, a heading over a list item. */
    private StringBuilder target() {
        if (tableDepth > 0) {
            return roles.contains(Role.CELL) ? cell : null;
        }
        if (headingLevel > 0) {
            return heading;
        }
        return listDepth > 0 ? item : paragraph;
    }

    private void flushParagraph() {
        if (paragraph.isEmpty()) {
            return;
        }
        String raw = REFERENCE_MARKS.matcher(paragraph).replaceAll("");
        paragraph.setLength(0);
        for (String chunk : BLANK_LINE.split(raw)) {
            String body = chunk.strip();
            String text = TextCleanup.normalize(body);
            if (text.isEmpty() || PAGE_NUMBER.matcher(text).matches()) {
                continue;
            }
            if (takeSlideTitle(text)) {
                continue;
            }
            parts.add(new DocumentPart.Content(kind(BlockKind.PARAGRAPH), body, currentPage(), List.of(), List.of()));
        }
    }

    /** The first short paragraph of a slide is its title. */
    private boolean takeSlideTitle(String text) {
        if (!slideTitlePending || notesDepth > 0) {
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

    /** A slide that opens with a list or a table is titled by its number. */
    private void ensureSlideTitle() {
        if (slideTitlePending && notesDepth == 0) {
            slideTitlePending = false;
            parts.add(new DocumentPart.Heading(1, "Slide " + currentPage(), currentPage()));
        }
    }

    private void commitItem() {
        String text = TextCleanup.normalize(REFERENCE_MARKS.matcher(item).replaceAll(""));
        item.setLength(0);
        if (!text.isEmpty()) {
            items.add(text);
        }
    }

    private void emitList() {
        if (items.isEmpty()) {
            return;
        }
        ensureSlideTitle();
        parts.add(new DocumentPart.Content(kind(BlockKind.LIST), String.join("\n", items), currentPage(),
                List.copyOf(items), List.of()));
        items.clear();
    }

    private void commitRow() {
        if (row.stream().anyMatch(c -> !c.isEmpty())) {
            rows.add(row);
        }
        row = new ArrayList<>();
    }

    private void emitTable() {
        if (rows.isEmpty()) {
            return;
        }
        ensureSlideTitle();
        List<String> lines = rows.stream().map(r -> String.join(" | ", r)).toList();
        parts.add(new DocumentPart.Content(kind(BlockKind.TABLE), String.join("\n", lines), currentPage(), List.of(),
                List.copyOf(rows)));
        rows.clear();
    }

    private BlockKind kind(BlockKind kind) {
        return notesDepth > 0 ? BlockKind.NOTE : kind;
    }

    private int currentPage() {
        return Math.max(page, 1);
    }

    /** h1..h6, or a paragraph whose style names a heading level (a Word style such as "__H_1_GA"). */
    private static int headingLevel(String name, String cssClass) {
        if (name.length() == 2 && name.charAt(0) == 'h') {
            return name.charAt(1) - '0';
        }
        Matcher styled = cssClass == null ? null : HEADING_STYLE.matcher(cssClass);
        return styled != null && styled.find() ? styled.group(1).charAt(0) - '0' : 0;
    }

    private void checkAbandoned() throws SAXException {
        if (abandoned.getAsBoolean()) {
            throw new SAXException("Parse abandoned");
        }
    }

    /** More text than the worker keeps from one document. */
    static final class TooMuchTextException extends SAXException {
        private final long limit;

        TooMuchTextException(long limit) {
            super("More than " + limit + " characters of text");
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }
}
