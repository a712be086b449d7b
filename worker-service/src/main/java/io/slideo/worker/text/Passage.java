package io.slideo.worker.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.slideo.model.deck.SourceRef;
import io.slideo.model.document.Block;
import io.slideo.model.document.BlockKind;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.Section;

/**
 * A sentence (or list item, or table cell sentence) worth presenting, with where it came from.
 * {@code section} is the index of its section in the document, {@code block} that of its block in
 * the section; {@code location} says where it stands in a document without pages ("§ Risk, ¶ 4"),
 * null where the page says it. Speaker notes are never passages: they are notes, not content.
 */
public record Passage(String documentId, int section, String sectionTitle, int block, int page, String location,
        String text) {
    private static final int MIN_ITEM_WORDS = 3;
    private static final int MIN_CELL_WORDS = 6;
    // A lead-in said with what it introduces stays a bullet's length: a short list, a short line.
    private static final int LEAD_IN_ITEMS = 6;
    private static final int LEAD_IN_WORDS = 24;
    // A heading in a source line is a signpost: its first words say which one.
    private static final int LOCATION_WORDS = 8;

    /** Every presentable passage of a document, in reading order. */
    public static List<Passage> of(ExtractedDocument document) {
        List<Passage> passages = new ArrayList<>();
        List<Section> sections = document.sections();
        boolean paged = hasPages(document);
        // Words a parser split at a line end are joined where the document writes them whole.
        WordRepair words = WordRepair.of(sections.stream().flatMap(s -> s.blocks().stream()).map(Block::text).toList());
        boolean deck = SlideLines.isSlideDeck(document);
        for (int i = 0; i < sections.size(); i++) {
            Section section = sections.get(i);
            List<Block> blocks = section.blocks();
            int said = -1;
            SlideLines lines = new SlideLines();
            for (int b = 0; b < blocks.size(); b++) {
                Block block = blocks.get(b);
                String location = paged ? null : location(section, b);
                if (b == said) {
                    continue; // said with the lead-in before it
                }
                List<String> texts = texts(block, document.language());
                said = leadIn(texts, blocks, b, document.language());
                if (deck && texts.isEmpty() && lines.add(block, b)) {
                    continue;
                }
                listed(passages, document, i, lines);
                for (String text : texts) {
                    passages.add(new Passage(document.documentId(), i, section.title(), b, block.page(), location,
                            words.repair(text)));
                }
            }
            listed(passages, document, i, lines);
        }
        return passages;
    }

    /** A slide's run of short lines, said together where it stands (see {@link SlideLines}). */
    private static void listed(List<Passage> passages, ExtractedDocument document, int section, SlideLines lines) {
        lines.take().ifPresent(run -> {
            Section s = document.sections().get(section);
            passages.add(new Passage(document.documentId(), section, s.title(), run.block(),
                    s.blocks().get(run.block()).page(), null, run.text()));
        });
    }

    /** Where this passage is, as a source a reader can follow. */
    public SourceRef source() {
        return new SourceRef(documentId, page, location);
    }

    /** Where a block stands, as a source a reader can follow: its page, or its heading and paragraph. */
    public static SourceRef sourceOf(ExtractedDocument document, int section, int block) {
        Section s = document.sections().get(section);
        Block b = s.blocks().get(block);
        return new SourceRef(document.documentId(), b.page(), hasPages(document) ? null : location(s, block));
    }

    /**
     * PDFs, slide decks and scans have pages (a slide's number is its page); Word, OpenDocument text,
     * RTF, text, Markdown, HTML and EPUB do not: their "page 1" would send every reader to the start.
     */
    public static boolean hasPages(ExtractedDocument document) {
        String type = document.mediaType() == null ? "" : document.mediaType().toLowerCase(Locale.ROOT);
        return type.contains("pdf") || type.contains("presentation") || type.contains("powerpoint")
                || type.startsWith("image/");
    }

    /** "§ Heading, ¶ n" (n counts the section's paragraphs, lists and tables from 1), or "¶ n" without a heading. */
    static String location(Section section, int block) {
        int paragraph = 0;
        for (int b = 0; b <= block; b++) {
            if (section.blocks().get(b).kind() != BlockKind.NOTE) {
                paragraph++;
            }
        }
        String heading = signpost(section.title() == null ? "" : TextCleanup.normalize(section.title()));
        return (heading.isEmpty() ? "" : "\u00a7 " + heading + ", ") + "\u00b6 " + Math.max(1, paragraph);
    }

    /** A heading's first words, enough to find it by: a citation, not a sentence, so it may end in "…". */
    private static String signpost(String heading) {
        String[] words = heading.split(" ");
        return words.length <= LOCATION_WORDS ? heading
                : String.join(" ", java.util.Arrays.copyOf(words, LOCATION_WORDS - 2)) + "\u2026";
    }

    /**
     * A paragraph that ends in a colon ("Here is a list:", "The rate is:") says its point with what
     * follows it: its last sentence is said with the list's items, or the short line, that come next.
     * Returns the index of the block it took (said no more on its own), or -1.
     */
    private static int leadIn(List<String> texts, List<Block> blocks, int block, String language) {
        List<String> sentences = blocks.get(block).kind() == BlockKind.PARAGRAPH
                ? Sentences.split(blocks.get(block).text(), language) : List.of();
        int next = block + 1;
        while (next < blocks.size() && blocks.get(next).kind() == BlockKind.NOTE) {
            next++;
        }
        if (sentences.isEmpty() || !sentences.get(sentences.size() - 1).endsWith(":") || next >= blocks.size()) {
            return -1;
        }
        String lead = sentences.get(sentences.size() - 1);
        Block after = blocks.get(next);
        String rest = after.kind() == BlockKind.LIST && after.items().size() <= LEAD_IN_ITEMS
                ? String.join(", ", after.items().stream().map(TextCleanup::normalize).map(i -> i.replaceAll("[.;,]$", ""))
                        .toList())
                : after.kind() == BlockKind.PARAGRAPH && Sentences.split(after.text(), language).size() == 1
                        ? TextCleanup.normalize(after.text()) : "";
        String said = lead + " " + rest;
        if (!rest.isEmpty() && TextCleanup.wordCount(said) <= LEAD_IN_WORDS && Sentences.isMeaningful(said)) {
            texts.remove(lead);
            texts.add(said);
            return next;
        }
        return -1;
    }

    private static List<String> texts(Block block, String language) {
        List<String> texts = new ArrayList<>();
        switch (block.kind()) {
            case NOTE -> {
                // A presenter's notes to himself are not what the slide says.
            }
            case LIST -> block.items().stream()
                    .flatMap(item -> Sentences.split(item, language).stream())
                    .filter(item -> Sentences.isMeaningful(item, MIN_ITEM_WORDS))
                    .forEach(texts::add);
            // A cell is a point only when it is a sentence of its own, not a label or a figure.
            case TABLE -> block.rows().stream().flatMap(List::stream)
                    .flatMap(String::lines)
                    .flatMap(line -> Sentences.split(line, language).stream())
                    .filter(cell -> Sentences.isMeaningful(cell, MIN_CELL_WORDS))
                    .forEach(texts::add);
            default -> Sentences.split(block.text(), language).stream().filter(Sentences::isMeaningful)
                    .forEach(texts::add);
        }
        return texts;
    }

    /** Lower-case content words, for telling whether two texts say the same thing. */
    public static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 3) {
                words.add(word);
            }
        }
        return words;
    }
}
