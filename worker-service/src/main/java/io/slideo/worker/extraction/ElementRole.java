package io.slideo.worker.extraction;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What an element of Tika's XHTML is to a document's structure: a page, a slide, notes, a heading, a list... */
enum ElementRole {
    PAGE, SLIDE, NOTES, SKIP, HEADING, PARAGRAPH, LIST, ITEM, TABLE, ROW, CELL, OTHER;

    private static final Set<String> SKIPPED_CLASSES = Set.of("slide-master-content", "package-entry", "embedded",
            "annotation", "annotationSubject", "annotationTitle", "annotationContents", "header", "footer");
    private static final Set<String> SKIPPED_ELEMENTS = Set.of("head", "title", "meta", "script", "style", "link");
    // Word's contents-list and index paragraph styles ("TOC 1" arrives as "tOC_1").
    private static final Pattern LISTING_STYLE = Pattern.compile("(?i)toc(_.*)?|table_of_(figures|authorities)|index_\\d");
    // Paragraph styles that name a heading level: "heading 2", "Titre1", "__H_1_GA", "H23" (level 2).
    private static final Pattern HEADING_STYLE = Pattern.compile(
            "(?i)(?:^|[^a-z])(?:h|heading|titre|berschrift|kop)[ _-]*([1-6])(?:[^0-9]|$)");
    // A document's Title style stands above its Heading 1.
    private static final String TITLE_STYLE = "title";

    /**
     * The role of element {@code name} with CSS class {@code cssClass}; inside lists and tables a
     * heading is only text. Web pages lay out with tables, so there a cell is a paragraph.
     */
    static ElementRole of(String name, String cssClass, boolean inList, boolean inTable, boolean layoutTables) {
        if (SKIPPED_ELEMENTS.contains(name) || cssClass != null && SKIPPED_CLASSES.contains(cssClass)) {
            return SKIP;
        }
        if ("div".equals(name) && cssClass != null) {
            return switch (cssClass) {
                case "page" -> PAGE;
                case "slide-content" -> SLIDE;
                case "slide-notes", "footnote", "endnote" -> NOTES;
                default -> OTHER;
            };
        }
        return switch (name) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> inList || inTable ? OTHER : HEADING;
            case "p" -> paragraph(cssClass, inList || inTable);
            case "ul", "ol" -> inTable ? OTHER : LIST;
            case "li" -> inTable ? OTHER : ITEM;
            case "table" -> layoutTables ? OTHER : TABLE;
            case "tr" -> layoutTables ? OTHER : ROW;
            case "td", "th" -> layoutTables ? PARAGRAPH : CELL;
            default -> OTHER;
        };
    }

    private static ElementRole paragraph(String cssClass, boolean nested) {
        if (cssClass == null) {
            return PARAGRAPH;
        }
        if ("notes".equals(cssClass)) {
            return NOTES;
        }
        if (LISTING_STYLE.matcher(cssClass).matches()) {
            return SKIP;
        }
        boolean styledHeading = TITLE_STYLE.equalsIgnoreCase(cssClass) || HEADING_STYLE.matcher(cssClass).find();
        return styledHeading && !nested ? HEADING : PARAGRAPH;
    }

    /** h1..h6, or a paragraph whose style names a heading level (a Word style such as "__H_1_GA"); Title is 1. */
    static int headingLevel(String name, String cssClass) {
        if (name.length() == 2 && name.charAt(0) == 'h') {
            return name.charAt(1) - '0';
        }
        if (TITLE_STYLE.equalsIgnoreCase(cssClass)) {
            return 1;
        }
        Matcher styled = cssClass == null ? null : HEADING_STYLE.matcher(cssClass);
        return styled != null && styled.find() ? styled.group(1).charAt(0) - '0' : 0;
    }
}
