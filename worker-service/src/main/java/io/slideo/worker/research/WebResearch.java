package io.slideo.worker.research;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.slideo.worker.client.FirecrawlClient;
import io.slideo.worker.client.TavilyClient;
import io.slideo.worker.config.WorkerConfig;
import io.slideo.worker.model.Answers;
import io.slideo.worker.model.ModelCalls;
import io.slideo.worker.model.ModelEndpoint;
import io.slideo.worker.model.Usage;

/**
 * Researches a query on the web: Tavily finds pages, Firecrawl reads the best of them (else Tavily's
 * excerpts stand in), every page reduced to plain text; with a model, a summary whose findings cite
 * their pages. Off, with a message saying why, when no Tavily key is set; a failing service yields a
 * message, not a failed plan. Blocking.
 */
@ApplicationScoped
public class WebResearch {
    public static final String SUMMARY = "research-summary";
    private static final int TITLE_CHARACTERS = 200;
    private static final int EXCERPT_CHARACTERS = 600;

    private final WebSearch search;
    private final ModelCalls calls;
    private final WorkerConfig.Research config;

    WebResearch(WebSearch search, ModelCalls calls, WorkerConfig config) {
        this.search = search;
        this.calls = calls;
        this.config = config.research();
    }

    public boolean enabled() {
        return config.tavilyKey().filter(k -> !k.isBlank()).isPresent();
    }

    public Research run(String query, int maxResults, Optional<ModelEndpoint> model, Usage usage) {
        if (!enabled()) {
            return Research.off(query, "Web research is off: no search key is configured"
                    + " (slideo.worker.research.tavily-key), so only your documents are used");
        }
        if (query == null || query.isBlank()) {
            return Research.off(query, "Web research needs a query");
        }
        List<TavilyClient.Result> results;
        try {
            results = search.search(query.strip(), Math.max(1, Math.min(maxResults, config.maxResults())));
        } catch (RuntimeException e) {
            Log.infof("Research for %s failed: %s", usage.deckId(), e.getMessage());
            return Research.off(query, "Web research failed (" + brief(e) + "); only your documents are used."
                    + " Try again later.");
        }
        List<Research.Source> sources = new ArrayList<>();
        for (TavilyClient.Result result : results) {
            if (result.url() == null || !isWebAddress(result.url())) {
                continue;
            }
            int id = sources.size() + 1;
            String excerpt = PageText.plain(result.content(), EXCERPT_CHARACTERS);
            String content = id <= config.pagesFetched() ? fetch(result.url()).orElse(excerpt) : excerpt;
            String title = PageText.plain(result.title() == null ? result.url() : result.title(), TITLE_CHARACTERS);
            sources.add(new Research.Source(id, result.url(), title, excerpt, content));
        }
        Research found = new Research(query, sources, null, sources.isEmpty() ? "Web research found nothing" : null,
                Map.of());
        if (found.found() && model.isPresent()) {
            try {
                Answers.ResearchSummary summary = calls.ask(model.get(), SUMMARY, Map.of("query", query,
                        "sources", found.forPrompt(calls.budgetCharacters(SUMMARY))), Answers.ResearchSummary.class,
                        s -> s.summary() == null || s.summary().isBlank() ? List.of("the summary is empty") : List.of(),
                        usage);
                return new Research(query, sources, PageText.plain(summary.summary(), 2000), null, Map.of());
            } catch (RuntimeException e) {
                Log.infof("Research summary for %s not written: %s", usage.deckId(), e.getMessage());
            }
        }
        return found;
    }

    private Optional<String> fetch(String url) {
        if (config.firecrawlKey().filter(k -> !k.isBlank()).isEmpty()) {
            return Optional.empty();
        }
        try {
            FirecrawlClient.ScrapeResponse page = search.scrape(url);
            if (page == null || !page.success() || page.data() == null) {
                return Optional.empty();
            }
            String html = page.data().html() != null ? page.data().html() : page.data().markdown();
            String text = PageText.of(html, config.pageCharacters());
            return text.isBlank() ? Optional.empty() : Optional.of(text);
        } catch (RuntimeException e) {
            Log.infof("Page %s not fetched: %s", url, e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean isWebAddress(String url) {
        try {
            URI uri = URI.create(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String brief(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 120 ? message.substring(0, 120) + "…" : message;
    }
}
