package io.slideo.worker.extraction;

import java.util.ArrayList;
import java.util.List;

import io.slideo.model.document.Block;
import io.slideo.model.document.BlockKind;
import io.slideo.model.document.Section;
import io.slideo.worker.text.TextCleanup;

/**
 * Groups parts into sections. Headings open sections; text before the first heading is a level-0
 * section. A document without any heading becomes numbered sections (if its text has them), else
 * one section per page (PDF), else one section.
 */
final class SectionBuilder {
    private static final int PAGE_TITLE_WORDS = 12;

    private SectionBuilder() {
    }

    static List<Section> build(List<DocumentPart> parts, boolean paginated, String documentTitle) {
        List<DocumentPart> structured = parts;
        if (!hasHeadings(structured)) {
            structured = NumberedHeadings.apply(parts);
        }
        if (!hasHeadings(structured)) {
            return paginated ? perPage(parts, documentTitle) : List.of(whole(parts, documentTitle));
        }
        List<Section> sections = new ArrayList<>();
        Draft current = null;
        for (DocumentPart part : structured) {
            if (part instanceof DocumentPart.Heading heading) {
                add(sections, current);
                current = new Draft(heading.text(), heading.level(), heading.page());
            } else if (part instanceof DocumentPart.Content content) {
                if (current == null) {
                    current = new Draft(documentTitle, 0, content.page());
                }
                current.blocks.add(toBlock(content));
            }
        }
        add(sections, current);
        return sections;
    }

    static Block toBlock(DocumentPart.Content content) {
        boolean prose = content.kind() == BlockKind.PARAGRAPH || content.kind() == BlockKind.NOTE && content.items().isEmpty();
        String text = prose ? TextCleanup.normalize(content.rawText()) : content.rawText();
        return new Block(content.kind(), text, content.page(), content.items(), content.rows());
    }

    private static boolean hasHeadings(List<DocumentPart> parts) {
        return parts.stream().anyMatch(p -> p instanceof DocumentPart.Heading);
    }

    private static List<Section> perPage(List<DocumentPart> parts, String documentTitle) {
        List<Section> sections = new ArrayList<>();
        Draft current = null;
        for (DocumentPart part : parts) {
            DocumentPart.Content content = (DocumentPart.Content) part;
            if (current == null || content.page() != current.pageStart) {
                add(sections, current);
                current = new Draft(pageTitle(content), 0, content.page());
            }
            current.blocks.add(toBlock(content));
        }
        add(sections, current);
        if (sections.size() == 1) {
            Section only = sections.get(0);
            return List.of(new Section(documentTitle, 0, only.pageStart(), only.pageEnd(), only.blocks()));
        }
        return sections;
    }

    /** A page is titled by its first line when that reads like a title, else by its number. */
    private static String pageTitle(DocumentPart.Content first) {
        String raw = first.rawText().strip();
        int lineEnd = raw.indexOf('\n');
        String line = TextCleanup.normalize(lineEnd < 0 ? raw : raw.substring(0, lineEnd));
        boolean titleLike = !line.isEmpty() && TextCleanup.wordCount(line) <= PAGE_TITLE_WORDS
                && Character.isUpperCase(line.codePointAt(0)) && !line.endsWith(".") && !line.endsWith(",");
        return titleLike ? line : "Page " + first.page();
    }

    private static Section whole(List<DocumentPart> parts, String documentTitle) {
        Draft draft = new Draft(documentTitle, 0, 1);
        for (DocumentPart part : parts) {
            draft.blocks.add(toBlock((DocumentPart.Content) part));
        }
        return draft.toSection();
    }

    private static void add(List<Section> sections, Draft draft) {
        if (draft != null && (!draft.blocks.isEmpty() || draft.level > 0)) {
            sections.add(draft.toSection());
        }
    }

    private static final class Draft {
        private final String title;
        private final int level;
        private final int pageStart;
        private final List<Block> blocks = new ArrayList<>();

        Draft(String title, int level, int pageStart) {
            this.title = title;
            this.level = level;
            this.pageStart = pageStart;
        }

        Section toSection() {
            int pageEnd = blocks.stream().mapToInt(Block::page).max().orElse(pageStart);
            return new Section(title, level, pageStart, Math.max(pageStart, pageEnd), blocks);
        }
    }
}
