package io.slideo.worker.extraction;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import io.slideo.worker.text.TextCleanup;

/**
 * Reads Tika's XHTML events into {@link DocumentPart}s: headings, paragraphs, lists, tables and
 * slide notes, each with its page. Pages come from Tika's {@code <div class="page">} (PDF) and
 * {@code <div class="slide-content">} (PPTX, PPT). What an element is comes from {@link ElementRole};
 * the parts are kept in order by {@link PartSequence}. Not thread-safe: one handler per parse.
 */
final class StructureHandler extends DefaultHandler {
    private final long maxCharacters;
    private final BooleanSupplier abandoned;
    private final PartSequence parts = new PartSequence();
    private final Deque<ElementRole> roles = new ArrayDeque<>();
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
        return parts.parts();
    }

    /** Pages (or slides) seen as page divisions; 0 when the format has none. */
    int pagesSeen() {
        return parts.pagesSeen();
    }

    boolean isSlideShow() {
        return parts.isSlideShow();
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        checkAbandoned();
        String name = (localName == null || localName.isEmpty() ? qName : localName).toLowerCase(Locale.ROOT);
        ElementRole role = ElementRole.of(name, attributes.getValue("class"), listDepth > 0, tableDepth > 0, layoutTables);
        roles.push(role);
        if (role == ElementRole.SKIP) {
            skipDepth++;
        }
        if (skipDepth > 0) {
            return;
        }
        switch (role) {
            case PAGE -> {
                flushParagraph();
                pageStarted.accept(parts.startPage());
            }
            case SLIDE -> {
                flushParagraph();
                pageStarted.accept(parts.startSlide());
            }
            case NOTES -> {
                flushParagraph();
                notesDepth++;
            }
            case HEADING -> {
                flushParagraph();
                headingLevel = ElementRole.headingLevel(name, attributes.getValue("class"));
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
        ElementRole role = roles.pop();
        boolean skipped = skipDepth > 0;
        if (role == ElementRole.SKIP) {
            skipDepth--;
        }
        if (skipped) {
            return;
        }
        switch (role) {
            case PAGE -> flushParagraph();
            case SLIDE -> {
                flushParagraph();
                parts.endSlide();
            }
            case NOTES -> {
                flushParagraph();
                notesDepth--;
            }
            case HEADING -> {
                parts.heading(openHeadingLevel, heading);
                heading.setLength(0);
                headingLevel = 0;
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
                    row.add(TextCleanup.normalizeLines(PartSequence.withoutMarks(cell)));
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

    /** Where text goes now: a table cell wins over a heading, a heading over a list item. */
    private StringBuilder target() {
        if (tableDepth > 0) {
            return roles.contains(ElementRole.CELL) ? cell : null;
        }
        if (headingLevel > 0) {
            return heading;
        }
        return listDepth > 0 ? item : paragraph;
    }

    private void flushParagraph() {
        if (!paragraph.isEmpty()) {
            parts.paragraph(paragraph, notesDepth > 0);
            paragraph.setLength(0);
        }
    }

    private void commitItem() {
        String text = TextCleanup.normalize(PartSequence.withoutMarks(item));
        item.setLength(0);
        if (!text.isEmpty()) {
            items.add(text);
        }
    }

    private void emitList() {
        parts.list(items, notesDepth > 0);
        items.clear();
    }

    private void commitRow() {
        if (row.stream().anyMatch(c -> !c.isEmpty())) {
            rows.add(row);
        }
        row = new ArrayList<>();
    }

    private void emitTable() {
        parts.table(rows, notesDepth > 0);
        rows.clear();
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
