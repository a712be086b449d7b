package io.slideo.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.tika.parser.AutoDetectParser;

import io.slideo.model.document.Block;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.Section;
import io.slideo.testing.RepositoryPaths;
import io.slideo.worker.config.DefaultConfig;
import io.slideo.worker.extraction.DocumentExtractor;

/** Corpus documents as the worker extracts them, each extracted once per test run. */
public final class CorpusDocuments {
    private static final Map<String, ExtractedDocument> EXTRACTED = new ConcurrentHashMap<>();

    private CorpusDocuments() {
    }

    public static ExtractedDocument extract(String file) {
        return EXTRACTED.computeIfAbsent(file, name -> {
            try {
                return new DocumentExtractor(new DocumentExtractor.Limits(Duration.ofSeconds(120), 5_000_000, 256L << 20,
                        20_000, DefaultConfig.worker().extraction().supportedTypes(), false), new AutoDetectParser())
                        .extract("doc-" + name, RepositoryPaths.corpusFile(name), name);
            } catch (Exception e) {
                throw new IllegalStateException("cannot extract " + name, e);
            }
        });
    }

    /** Every text of the document as the parser gave it: paragraphs, list items and table cells. */
    public static List<String> texts(ExtractedDocument document) {
        List<String> texts = new ArrayList<>();
        for (Section section : document.sections()) {
            texts.add(section.title());
            for (Block block : section.blocks()) {
                texts.add(block.text());
                if (block.items() != null) {
                    texts.addAll(block.items());
                }
                if (block.rows() != null) {
                    block.rows().forEach(texts::addAll);
                }
            }
        }
        texts.removeIf(text -> text == null || text.isBlank());
        return texts;
    }
}
