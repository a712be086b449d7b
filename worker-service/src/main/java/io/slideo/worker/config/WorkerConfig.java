package io.slideo.worker.config;

import java.time.Duration;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "slideo.worker")
public interface WorkerConfig {

    Extraction extraction();

    Outline outline();

    Graph graph();

    Writing writing();

    /** Target size of a retrieval chunk, in characters (chunks never cross a section). */
    @WithDefault("1200")
    int chunkCharacters();

    interface Extraction {
        /** How long one parse may run before it is abandoned and the document fails with TIMEOUT. */
        @WithDefault("120s")
        Duration parseTimeout();

        /** Most characters of text kept from one document; more fails with TOO_LARGE. */
        @WithDefault("5000000")
        long maxCharacters();

        /** Most bytes a ZIP-based file (DOCX, PPTX, ODT, EPUB...) may unpack to; guards against decompression bombs. */
        @WithDefault("268435456")
        long maxUnpackedBytes();

        /** Recognise text in images and scanned PDF pages with Tesseract (when it is installed). */
        @WithDefault("true")
        boolean ocr();

        /** Parser processes per worker: documents read at the same time, each in its own JVM. */
        @WithDefault("1")
        int processes();

        /** Heap of one parser process; a document that needs more fails with TOO_LARGE. */
        @WithDefault("768m")
        String processHeap();

        /** Characters of text sampled to guess the language when the file's metadata does not say. */
        @WithDefault("20000")
        int languageSample();

        /** Media types the worker parses, as detected from the bytes; others fail with UNSUPPORTED_TYPE. */
        @WithDefault("application/pdf,"
                + "application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/msword,"
                + "application/vnd.openxmlformats-officedocument.presentationml.presentation,application/vnd.ms-powerpoint,"
                + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,"
                + "application/vnd.oasis.opendocument.text,application/vnd.oasis.opendocument.presentation,"
                + "application/vnd.oasis.opendocument.spreadsheet,application/rtf,application/epub+zip,"
                + "text/html,application/xhtml+xml,text/plain,text/markdown,text/x-web-markdown,text/csv,"
                + "image/png,image/jpeg,image/tiff")
        Set<String> supportedTypes();
    }

    interface Outline {
        /** Key points drafted per content slide (the writer turns them into 3 to 6 bullets). */
        @WithDefault("4")
        int keyPointsPerSlide();

        /** Longest bullet or key point, in words, so a slide stays readable from the back of the room. */
        @WithDefault("14")
        int maxBulletWords();

        /** Most bullets on one slide. */
        @WithDefault("6")
        int maxBullets();
    }

    interface Graph {
        /** Most key phrases that become vertices (the most frequent ones). */
        @WithDefault("1500")
        int maxPhrases();

        /** Key phrases stored with the document, most central first. */
        @WithDefault("200")
        int maxPhrasesShown();

        /** Strongest co-occurrence edges stored with the document. */
        @WithDefault("400")
        int maxEdgesShown();

        /** Leiden resolution (modularity): higher gives more, smaller topics. */
        @WithDefault("1.0")
        double resolution();

        /** Fewest phrases a cluster needs to count as a topic. */
        @WithDefault("3")
        int minTopicPhrases();

        /** Most topics kept, the most central first. */
        @WithDefault("12")
        int maxTopics();

        /** Phrases listed per topic. */
        @WithDefault("10")
        int phrasesPerTopic();

        /** Top-ranked sentences kept (TextRank). */
        @WithDefault("40")
        int sentences();
    }

    interface Writing {
        /** Slides of one deck written at the same time. */
        @WithDefault("4")
        int parallelism();

        /** How full the quality gate lets a text box be (1.0 = full): room for renderers' line breaking. */
        @WithDefault("0.92")
        double maxFill();

        /**
         * The least time one slide takes. Zero in production; the crash test sets it so that a worker
         * can be killed mid-deck (offline slides are written in milliseconds).
         */
        @WithDefault("0s")
        Duration pace();
    }
}
