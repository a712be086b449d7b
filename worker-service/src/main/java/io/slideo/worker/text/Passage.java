package io.slideo.worker.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.slideo.model.document.Block;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.Section;

/**
 * A sentence (or list item, or table cell sentence) worth presenting, with where it came from.
 * {@code section} is the index of its section in the document.
 */
public record Passage(String documentId, int section, String sectionTitle, int page, String text) {
    private static final int MIN_ITEM_WORDS = 3;

    /** Every presentable passage of a document, in reading order. */
    public static List<Passage> of(ExtractedDocument document) {
        List<Passage> passages = new ArrayList<>();
        List<Section> sections = document.sections();
        for (int i = 0; i < sections.size(); i++) {
            Section section = sections.get(i);
            for (Block block : section.blocks()) {
                for (String text : texts(block)) {
                    passages.add(new Passage(document.documentId(), i, section.title(), block.page(), text));
                }
            }
        }
        return passages;
    }

    private static List<String> texts(Block block) {
        List<String> texts = new ArrayList<>();
        switch (block.kind()) {
            case LIST -> block.items().stream()
                    .flatMap(item -> Sentences.split(item).stream())
                    .filter(item -> Sentences.isMeaningful(item, MIN_ITEM_WORDS))
                    .forEach(texts::add);
            case TABLE -> block.rows().stream().flatMap(List::stream)
                    .flatMap(String::lines)
                    .flatMap(line -> Sentences.split(line).stream())
                    .filter(Sentences::isMeaningful)
                    .forEach(texts::add);
            default -> Sentences.split(block.text()).stream().filter(Sentences::isMeaningful).forEach(texts::add);
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
