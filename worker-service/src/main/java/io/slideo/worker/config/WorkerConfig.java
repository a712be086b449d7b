package io.slideo.worker.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "slideo.worker")
public interface WorkerConfig {

    Extraction extraction();

    Outline outline();

    Graph graph();

    Writing writing();

    Model model();

    Research research();

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

        /** Most figures (pictures that are not decoration) kept from one document for its slides. */
        @WithDefault("40")
        int maxFigures();

        /** Most bytes of figures kept from one document; figures past it are left out. */
        @WithDefault("31457280")
        long maxFigureBytes();
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

    /** The model path: OpenAI or any OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio). */
    interface Model {
        /** The model that writes plans and slides; unset means the offline generator writes every deck. */
        Optional<String> name();

        /** The server's OpenAI-compatible API root (ending in /v1 for most servers). */
        @WithDefault("https://api.openai.com/v1")
        String baseUrl();

        /** The server's key; local servers usually need none. */
        Optional<String> apiKey();

        /** Further models a plan or generation may ask for by name (same server); any other name is refused. */
        Optional<List<String>> allowed();

        /**
         * An embedding model on the same server (e.g. text-embedding-3-small, nomic-embed-text); set, the
         * chunks a slide is written from are ranked by meaning as well as by their words.
         */
        Optional<String> embeddingName();

        /**
         * Without an embedding model on the server, embed with the small model inside the worker
         * (all-MiniLM-L6-v2, no key, no network): the offline planner merges points that say the same thing
         * in other words, and slides are written from chunks found by meaning too. False: by words alone.
         */
        @WithDefault("true")
        boolean localEmbeddings();

        /**
         * Most retrieval chunks of one document the in-process model embeds (14 ms each on two idle cores,
         * once per document: about 2 s); the chunks of a longer document are ranked by their words alone.
         */
        @WithDefault("150")
        int localEmbeddingMaxChunks();

        /** json_schema (structured output, where the server supports it), json_object (JSON mode) or text. */
        @WithDefault("json_object")
        String responseFormat();

        /** Longest wait for one answer (per attempt); a hung server costs no more than this. */
        @WithDefault("60s")
        Duration timeout();

        /** Attempts after the first for a call that failed in a way worth retrying (429, 5xx, timeout, connection). */
        @WithDefault("3")
        int retries();

        /** First backoff between attempts; it doubles on each retry. */
        @WithDefault("500ms")
        Duration retryDelay();

        /** Longest backoff, and the longest Retry-After honoured; a longer one fails the call. */
        @WithDefault("30s")
        Duration maxRetryDelay();

        /** Calls the circuit breaker of one endpoint looks back on. */
        @WithDefault("8")
        int breakerVolume();

        /** Share of failed calls among those that opens the breaker. */
        @WithDefault("0.5")
        double breakerFailureRatio();

        /** How long an open breaker refuses calls before it lets a trial call through. */
        @WithDefault("30s")
        Duration breakerDelay();

        /** Successful trial calls that close the breaker again. */
        @WithDefault("2")
        int breakerSuccesses();

        /** Model calls in flight from this worker, all users together. */
        @WithDefault("16")
        int workerConcurrency();

        /** Model calls in flight for one user on this worker, so one big deck cannot starve the others. */
        @WithDefault("12")
        int userConcurrency();

        /**
         * Model tokens one user may spend per UTC day, over every worker (2,000,000: some 40 model-written
         * decks of 20 slides); once spent, that user's decks are written offline and the user is told why.
         */
        @WithDefault("2000000")
        long tokensPerUserPerDay();

        /** Slides of one deck the model writes at the same time. */
        @WithDefault("12")
        int parallelism();

        /** The model's context window, in tokens: prompts are built to fit it, with room for the answer. */
        @WithDefault("16000")
        int contextTokens();

        /** Most tokens one answer may take, for a template whose YAML sets no max-tokens of its own. */
        @WithDefault("1200")
        int maxAnswerTokens();

        /** Repair prompts sent for an answer that is not the JSON asked for, before the call itself is retried. */
        @WithDefault("1")
        int repairs();

        /** Whole calls (each with its repairs) tried before a slide falls back to the offline writer. */
        @WithDefault("2")
        int answerAttempts();

        /** How long an answer is reused for an identical prompt (Redis); zero turns the cache off. */
        @WithDefault("168h")
        Duration cacheTtl();
    }

    /** Web research: Tavily finds pages, Firecrawl reads them. No Tavily key means no research, and the user is told. */
    interface Research {
        /** Tavily API key; unset turns research off. */
        Optional<String> tavilyKey();

        /** Tavily's API root. */
        @WithDefault("https://api.tavily.com")
        String tavilyUrl();

        /** Firecrawl API key; unset means pages are not fetched and Tavily's excerpts are used instead. */
        Optional<String> firecrawlKey();

        /** Firecrawl's API root. */
        @WithDefault("https://api.firecrawl.dev")
        String firecrawlUrl();

        /** Search results kept per query. */
        @WithDefault("5")
        int maxResults();

        /** Pages fetched in full (the best results). */
        @WithDefault("3")
        int pagesFetched();

        /** Characters kept from one fetched page, after it is reduced to text. */
        @WithDefault("6000")
        int pageCharacters();
    }
}
