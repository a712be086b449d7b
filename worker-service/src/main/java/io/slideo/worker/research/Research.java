package io.slideo.worker.research;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What web research found for a plan or a research request: numbered sources ({@code [W<n>]} in
 * prompts and notes), an optional model-written summary, a message when it did not run or failed,
 * and which sources each planned slide (by title) cites.
 */
public record Research(String query, List<Source> sources, String summary, String message,
        Map<String, List<Integer>> citations) {

    public Research {
        sources = sources == null ? List.of() : List.copyOf(sources);
        citations = citations == null ? Map.of() : Map.copyOf(citations);
    }

    /** One page: its number, address, title, a short summary (the search excerpt) and its cleaned text. */
    public record Source(int id, String url, String title, String summary, String content) {
    }

    public static Research off(String query, String message) {
        return new Research(query, List.of(), null, message, Map.of());
    }

    public boolean found() {
        return !sources.isEmpty();
    }

    public Research withCitations(Map<String, List<Integer>> byTitle) {
        return new Research(query, sources, summary, message, byTitle);
    }

    public Source source(int id) {
        return sources.stream().filter(s -> s.id() == id).findFirst().orElse(null);
    }

    /** The sources as a prompt shows them, within {@code budget} characters (summaries first, then page text). */
    public String forPrompt(int budget) {
        StringBuilder out = new StringBuilder();
        if (summary != null && !summary.isBlank()) {
            out.append("Summary: ").append(summary).append('\n');
        }
        for (Source source : sources) {
            String line = "[W" + source.id() + "] " + source.title() + " (" + source.url() + "): " + source.summary() + "\n";
            if (out.length() + line.length() > budget) {
                break;
            }
            out.append(line);
        }
        for (Source source : sources) {
            if (source.content() == null || source.content().isBlank()) {
                continue;
            }
            int room = budget - out.length() - 20;
            if (room < 200) {
                break;
            }
            String content = source.content().length() > room ? PageText.plain(source.content(), room) : source.content();
            out.append("[W").append(source.id()).append("] says: ").append(content).append('\n');
        }
        return out.toString().strip();
    }

    /** The line the speaker notes end with for the given sources. */
    public String citationLine(List<Integer> ids) {
        return ids.stream().distinct().map(this::source).filter(s -> s != null)
                .map(s -> "[W" + s.id() + "] " + s.title() + " \u2014 " + s.url())
                .collect(Collectors.joining("; ", "Web sources: ", "."));
    }
}
