package io.slideo.worker.extraction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

import io.slideo.model.document.BlockKind;
import io.slideo.worker.text.TextCleanup;

/**
 * Reads Markdown as Markdown (CommonMark with GitHub tables): headings, paragraphs, lists and tables
 * become parts; code blocks, HTML blocks and images are left out, and inline markup is reduced to its
 * text (a link keeps its words, code its letters without backticks). Tika would read the file as
 * plain text, markup and all.
 */
final class MarkdownReader {
    private static final Set<String> MEDIA_TYPES = Set.of("text/markdown", "text/x-web-markdown", "text/x-markdown");
    private static final Set<String> EXTENSIONS = Set.of(".md", ".markdown", ".mdown", ".mkd");
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final int PAGE = 1;
    private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile("\\s+([.,;:!?])(?=\\s|$)");
    // A static site's YAML header ("---\ntitle: ...\n---") is settings, and would read as a heading.
    private static final Pattern FRONT_MATTER = Pattern.compile("\\A\\uFEFF?---\\r?\\n.*?\\r?\\n(---|\\.\\.\\.)\\r?\\n",
            Pattern.DOTALL);

    private MarkdownReader() {
    }

    /** Markdown by its type, or plain text whose name says Markdown (bytes alone cannot tell them apart). */
    static boolean reads(String mediaType, String fileName) {
        if (MEDIA_TYPES.contains(mediaType)) {
            return true;
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        return mediaType.equals("text/plain") && EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    static List<DocumentPart> read(Path file, long maxCharacters) throws IOException, StructureHandler.TooMuchTextException {
        if (Files.size(file) > maxCharacters * 4) {
            throw new StructureHandler.TooMuchTextException(maxCharacters);
        }
        // Decoded leniently: a stray Latin-1 byte costs one character, not the document.
        String source = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        Node document = PARSER.parse(FRONT_MATTER.matcher(source).replaceFirst(""));
        List<DocumentPart> parts = new ArrayList<>();
        readBlocks(document, parts);
        long characters = parts.stream().mapToLong(p -> p instanceof DocumentPart.Content c ? c.rawText().length() : 0)
                .sum();
        if (characters > maxCharacters) {
            throw new StructureHandler.TooMuchTextException(maxCharacters);
        }
        return parts;
    }

    /** Block children in order; code, HTML and thematic breaks add nothing. */
    private static void readBlocks(Node parent, List<DocumentPart> parts) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading) {
                String text = inlineText(heading);
                if (!text.isEmpty()) {
                    parts.add(new DocumentPart.Heading(heading.getLevel(), text, PAGE));
                }
            } else if (node instanceof Paragraph paragraph) {
                String text = inlineText(paragraph);
                if (!text.isEmpty()) {
                    parts.add(new DocumentPart.Content(BlockKind.PARAGRAPH, text, PAGE, List.of(), List.of()));
                }
            } else if (node instanceof ListBlock list) {
                List<String> items = new ArrayList<>();
                listItems(list, items);
                if (!items.isEmpty()) {
                    parts.add(new DocumentPart.Content(BlockKind.LIST, String.join("\n", items), PAGE, items, List.of()));
                }
            } else if (node instanceof TableBlock table) {
                addTable(table, parts);
            } else if (node instanceof BlockQuote) {
                readBlocks(node, parts);
            }
        }
    }

    /** Each item's own text; a nested list's items follow their parent's. */
    private static void listItems(ListBlock list, List<String> items) {
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            StringBuilder own = new StringBuilder();
            List<String> nested = new ArrayList<>();
            for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof Paragraph || child instanceof Heading) {
                    own.append(own.isEmpty() ? "" : " ").append(inlineText(child));
                } else if (child instanceof ListBlock) {
                    listItems((ListBlock) child, nested);
                }
            }
            String text = TextCleanup.normalize(own.toString());
            if (!text.isEmpty()) {
                items.add(text);
            }
            items.addAll(nested);
        }
    }

    private static void addTable(TableBlock table, List<DocumentPart> parts) {
        List<List<String>> rows = new ArrayList<>();
        // TableBlock > TableHead/TableBody > TableRow > TableCell
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                List<String> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell) {
                        cells.add(inlineText(cell));
                    }
                }
                if (cells.stream().anyMatch(c -> !c.isEmpty())) {
                    rows.add(cells);
                }
            }
        }
        if (!rows.isEmpty()) {
            String text = String.join("\n", rows.stream().map(r -> String.join(" | ", r)).toList());
            parts.add(new DocumentPart.Content(BlockKind.TABLE, text, PAGE, List.of(), rows));
        }
    }

    /** The words of inline content: emphasis and link markup gone, images and inline HTML left out. */
    private static String inlineText(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak lineBreak) {
                text.append(' ');
            }

            @Override
            public void visit(HardLineBreak lineBreak) {
                text.append(' ');
            }

            @Override
            public void visit(Image image) {
                // a picture's alt text is not prose
            }

            @Override
            public void visit(HtmlInline html) {
                // tags are markup, not words
            }
        });
        // GitHub's alerts ("> [!NOTE]") mark a quote's kind, which is not part of its text.
        String words = text.toString().replaceFirst("^\\s*\\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)]", "");
        // A dropped image leaves its space before the punctuation that followed it.
        return TextCleanup.normalize(SPACE_BEFORE_PUNCTUATION.matcher(words).replaceAll("$1"));
    }
}
