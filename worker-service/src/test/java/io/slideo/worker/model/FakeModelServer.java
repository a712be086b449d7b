package io.slideo.worker.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A local server that speaks the OpenAI chat completions API (and Tavily's search and Firecrawl's
 * scrape APIs), answering like an obedient model from what the prompt gives it: a plan that cites
 * sections spread evenly over the document map, slides whose bullets cite the passages given. A mode
 * makes it misbehave for the next {@code n} model calls: slow, 429 with Retry-After, 500, malformed
 * JSON (prose, fences, trailing commas), truncated JSON, the wrong schema, or no answer at all. Calls
 * are recorded per model name, so a test counts only its own. It also speaks the embeddings API: a
 * text's vector counts its words hashed into {@value #DIMENSIONS} dimensions, and words of one concept
 * (car, cars, automobile, vehicle ...) count as one, so texts that say the same thing in other words
 * are close, as with a real embedding model.
 */
public final class FakeModelServer implements AutoCloseable {
    public enum Mode {
        NORMAL, SLOW, RATE_LIMITED, ERROR_500, MALFORMED, TRUNCATED, WRONG_SCHEMA, HANG
    }

    /** One model call as the server saw it. */
    public record Call(String model, String kind, int promptCharacters, long atMillis, int status, boolean repair,
            int prompt) {
    }

    private static final Pattern SLIDE_COUNT = Pattern.compile("Plan a deck of exactly (\\d+) slides");
    private static final Pattern SECTION = Pattern.compile("\\[S(\\d+)] ([^\\n(]*)");
    private static final Pattern PASSAGE = Pattern.compile("\\[P(\\d+)] \\(([^)]*)\\) ([^\\n]*)");
    private static final Pattern SLIDE_TITLE = Pattern.compile("Write slide \"([^\"]*)\"");

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final Map<String, ModeState> modes = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicLong tokens = new AtomicLong();
    private final AtomicInteger researchCalls = new AtomicInteger();
    private volatile long latencyMillis;
    private volatile long slowMillis = 1500;
    private volatile boolean researchFails;
    private volatile boolean embeddingsFail;
    private final AtomicInteger embeddedTexts = new AtomicInteger();
    private final AtomicInteger embeddingCalls = new AtomicInteger();
    static final int DIMENSIONS = 256;
    private static final Map<String, String> CONCEPTS = Map.of("car", "car", "cars", "car", "automobile", "car",
            "automobiles", "car", "vehicle", "car", "vehicles", "car");

    private record ModeState(Mode mode, AtomicInteger remaining) {
    }

    private FakeModelServer() throws Exception {
        server = vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public static FakeModelServer start() throws Exception {
        return new FakeModelServer();
    }

    public int port() {
        return server.actualPort();
    }

    /** Misbehave in {@code mode} for the next {@code times} calls to {@code model} (negative: every call). */
    public void mode(String model, Mode mode, int times) {
        modes.put(model, new ModeState(mode, new AtomicInteger(times)));
    }

    /** Every normal answer takes this long. */
    public void latency(long millis) {
        latencyMillis = millis;
    }

    public void slowness(long millis) {
        slowMillis = millis;
    }

    public void researchFails(boolean fails) {
        researchFails = fails;
    }

    public List<Call> calls(String model) {
        return calls.stream().filter(c -> c.model().equals(model)).toList();
    }

    public int researchCalls() {
        return researchCalls.get();
    }

    public long tokensReported() {
        return tokens.get();
    }

    public int largestPrompt(String model) {
        return calls(model).stream().mapToInt(Call::promptCharacters).max().orElse(0);
    }

    @Override
    public void close() {
        server.close();
        vertx.close();
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            String path = request.path();
            if (path.endsWith("/chat/completions")) {
                chat(request, body.toJsonObject());
            } else if (path.endsWith("/embeddings")) {
                embeddings(request, body.toJsonObject());
            } else if (path.endsWith("/tavily/search")) {
                research(request, tavily(body.toJsonObject()));
            } else if (path.endsWith("/firecrawl/v1/scrape")) {
                research(request, firecrawl(body.toJsonObject()));
            } else {
                request.response().setStatusCode(404).end();
            }
        });
    }

    /** Texts embedded so far, and embedding calls (each a batch). */
    public int embeddedTexts() {
        return embeddedTexts.get();
    }

    public int embeddingCalls() {
        return embeddingCalls.get();
    }

    /** Answer every embedding call with 500 (to show that retrieval falls back to words alone). */
    public void embeddingsFail(boolean fail) {
        embeddingsFail = fail;
    }

    private void embeddings(HttpServerRequest request, JsonObject body) {
        embeddingCalls.incrementAndGet();
        if (embeddingsFail) {
            request.response().setStatusCode(500).end("{\"error\":{\"message\":\"embeddings down\"}}");
            return;
        }
        Object input = body.getValue("input");
        List<String> texts = input instanceof JsonArray array ? array.stream().map(String::valueOf).toList()
                : List.of(String.valueOf(input));
        embeddedTexts.addAndGet(texts.size());
        JsonArray data = new JsonArray();
        int words = 0;
        for (int i = 0; i < texts.size(); i++) {
            float[] vector = new float[DIMENSIONS];
            for (String word : texts.get(i).toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (word.length() >= 4 || CONCEPTS.containsKey(word)) {
                    vector[Math.floorMod(CONCEPTS.getOrDefault(word, word).hashCode(), DIMENSIONS)] += 1;
                    words++;
                }
            }
            JsonArray values = new JsonArray();
            for (float v : vector) {
                values.add(v);
            }
            data.add(new JsonObject().put("object", "embedding").put("index", i).put("embedding", values));
        }
        request.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("object", "list")
                .put("data", data).put("model", body.getString("model"))
                .put("usage", new JsonObject().put("prompt_tokens", words).put("total_tokens", words)).encode());
    }

    private void research(HttpServerRequest request, JsonObject answer) {
        researchCalls.incrementAndGet();
        if (researchFails) {
            request.response().setStatusCode(500).end("{\"error\":\"down\"}");
            return;
        }
        request.response().putHeader("Content-Type", "application/json").end(answer.encode());
    }

    private static JsonObject tavily(JsonObject body) {
        JsonArray results = new JsonArray();
        for (int i = 1; i <= Math.min(3, body.getInteger("max_results", 3)); i++) {
            results.add(new JsonObject().put("title", "Finding <b>" + i + "</b> on " + body.getString("query"))
                    .put("url", "https://research.example/" + i)
                    .put("content", "Excerpt " + i + " says the market grew <i>twelve</i> percent.").put("score", 0.9));
        }
        return new JsonObject().put("query", body.getString("query")).put("results", results);
    }

    private static JsonObject firecrawl(JsonObject body) {
        String html = "<html><head><script>alert('x')</script><style>p{}</style></head><body><nav>Home</nav>"
                + "<p>The page at " + body.getString("url") + " explains the findings in detail.</p>"
                + "<p onclick=\"steal()\">Analysts expect growth to continue.</p></body></html>";
        return new JsonObject().put("success", true).put("data", new JsonObject().put("html", html)
                .put("metadata", new JsonObject().put("title", "Page").put("sourceURL", body.getString("url"))));
    }

    private void chat(HttpServerRequest request, JsonObject body) {
        String model = body.getString("model", "");
        StringBuilder prompt = new StringBuilder();
        body.getJsonArray("messages", new JsonArray()).forEach(m -> prompt.append(((JsonObject) m).getString("content", ""))
                .append('\n'));
        String text = prompt.toString();
        boolean repair = text.contains("Your previous answer could not be used");
        String kind = kind(text);
        Mode mode = Mode.NORMAL;
        ModeState state = modes.get(model);
        if (state != null && !(repair && isContentMode(state.mode()))) {
            int left = state.remaining().get();
            if (left < 0 || left > 0 && state.remaining().decrementAndGet() >= 0) {
                mode = state.mode();
            }
        }
        long now = System.currentTimeMillis();
        switch (mode) {
            case HANG -> {
                calls.add(new Call(model, kind, text.length(), now, 0, repair, text.hashCode()));
                // Never answers; the connection is dropped long after any client gave up.
                vertx.setTimer(120_000, t -> request.connection().close());
            }
            case RATE_LIMITED -> {
                calls.add(new Call(model, kind, text.length(), now, 429, repair, text.hashCode()));
                request.response().setStatusCode(429).putHeader("Retry-After", "1")
                        .putHeader("Content-Type", "application/json")
                        .end("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate_limit_exceeded\"}}");
            }
            case ERROR_500 -> {
                calls.add(new Call(model, kind, text.length(), now, 500, repair, text.hashCode()));
                request.response().setStatusCode(500).putHeader("Content-Type", "application/json")
                        .end("{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}");
            }
            default -> {
                calls.add(new Call(model, kind, text.length(), now, 200, repair, text.hashCode()));
                String content = answer(kind, text);
                content = switch (mode) {
                    case MALFORMED -> "Sure! Here is what you asked for:\n```json\n" + content.substring(0,
                            content.length() - 1) + ",}\n```\nLet me know if you need anything else.";
                    case TRUNCATED -> content.substring(0, content.length() / 2);
                    case WRONG_SCHEMA -> "{\"response\": {\"heading\": \"Something\", \"points\": \"none\"}}";
                    default -> content;
                };
                long delay = latencyMillis + (mode == Mode.SLOW ? slowMillis : 0);
                JsonObject answer = completion(model, content, text.length());
                if (delay > 0) {
                    vertx.setTimer(delay, t -> send(request, answer));
                } else {
                    send(request, answer);
                }
            }
        }
    }

    private static boolean isContentMode(Mode mode) {
        return mode == Mode.MALFORMED || mode == Mode.TRUNCATED || mode == Mode.WRONG_SCHEMA;
    }

    private static void send(HttpServerRequest request, JsonObject answer) {
        if (!request.response().closed()) {
            request.response().putHeader("Content-Type", "application/json").end(answer.encode());
        }
    }

    private JsonObject completion(String model, String content, int promptCharacters) {
        int in = promptCharacters / 4;
        int out = content.length() / 4;
        tokens.addAndGet(in + out);
        return new JsonObject().put("id", "chatcmpl-fake").put("object", "chat.completion")
                .put("created", System.currentTimeMillis() / 1000).put("model", model)
                .put("choices", new JsonArray().add(new JsonObject().put("index", 0)
                        .put("message", new JsonObject().put("role", "assistant").put("content", content))
                        .put("finish_reason", "stop")))
                .put("usage", new JsonObject().put("prompt_tokens", in).put("completion_tokens", out)
                        .put("total_tokens", in + out));
    }

    private static String kind(String prompt) {
        String shape = prompt.contains("Your previous answer could not be used")
                ? prompt.substring(prompt.lastIndexOf("of this shape:")) : prompt;
        if (prompt.contains("Plan a deck of exactly") || shape.contains("\"slides\"")) {
            return "plan";
        }
        if (prompt.contains("Write slide \"") || shape.contains("\"bullets\"")) {
            return "slide";
        }
        if (prompt.contains("What the research is for") || shape.contains("\"findings\"")) {
            return "summary";
        }
        return "notes";
    }

    /** What an obedient model would answer to this prompt. */
    private static String answer(String kind, String prompt) {
        return switch (kind) {
            case "plan" -> plan(prompt);
            case "slide" -> slide(prompt);
            case "summary" -> new JsonObject().put("summary", "The pages agree that the market grew.")
                    .put("findings", new JsonArray().add(new JsonObject().put("text", "The market grew twelve percent")
                            .put("source", 1))).encode();
            default -> new JsonObject().put("notes", "Say why this matters to the audience.").encode();
        };
    }

    private static String plan(String prompt) {
        Matcher count = SLIDE_COUNT.matcher(prompt);
        int slides = count.find() ? Integer.parseInt(count.group(1)) : 5;
        List<int[]> sections = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        Matcher section = SECTION.matcher(prompt);
        while (section.find()) {
            sections.add(new int[] { Integer.parseInt(section.group(1)) });
            titles.add(section.group(2).strip());
        }
        boolean web = prompt.contains("[W1]");
        JsonArray out = new JsonArray();
        int content = slides - 1 - (slides >= 5 ? 1 : 0) - (slides >= 4 ? 1 : 0);
        int k = 0;
        for (int i = 0; i < slides; i++) {
            String layout = i == 0 ? "TITLE" : i == 1 && slides >= 5 ? "AGENDA" : i == slides - 1 && slides >= 4
                    ? "CLOSING" : "BULLETS";
            JsonObject slide = new JsonObject().put("layout", layout);
            JsonArray cited = new JsonArray();
            String title;
            if ("BULLETS".equals(layout) && !sections.isEmpty()) {
                int at = content <= 1 ? 0 : (int) Math.round((double) k * (sections.size() - 1) / (content - 1));
                cited.add(sections.get(at)[0]);
                title = "Part " + (k + 1) + ": " + titles.get(at);
                k++;
            } else {
                title = layout.charAt(0) + layout.substring(1).toLowerCase() + " " + (i + 1);
            }
            slide.put("title", title).put("sections", cited)
                    .put("keyPoints", new JsonArray().add("What " + title + " says").add("Why it matters now")
                            .add("What to do next"))
                    .put("sources", web && "BULLETS".equals(layout) ? new JsonArray().add(1) : new JsonArray());
            out.add(slide);
        }
        return new JsonObject().put("title", "The deck").put("slides", out).encode();
    }

    private static String slide(String prompt) {
        Matcher title = SLIDE_TITLE.matcher(prompt);
        JsonArray bullets = new JsonArray();
        Matcher passage = PASSAGE.matcher(prompt);
        while (passage.find() && bullets.size() < 4) {
            // An obedient model writes a whole sentence of the passage: its first of 14 words or fewer, else its first.
            List<String> sentences = List.of(passage.group(3).split("(?<=[.!?])\\s+"));
            String text = sentences.stream().filter(sentence -> sentence.split("\\s+").length <= 14).findFirst()
                    .orElse(sentences.get(0));
            bullets.add(new JsonObject().put("text", text).put("passage", Integer.parseInt(passage.group(1))));
        }
        if (bullets.isEmpty()) {
            bullets.add(new JsonObject().put("text", "An overview of the subject").put("passage", null));
        }
        return new JsonObject().put("title", title.find() ? title.group(1) : "Slide").put("bullets", bullets)
                .put("table", new JsonArray())
                .put("notes", "The presenter explains the point with the figures from the sources.")
                .put("sources", prompt.contains("[W1]") ? new JsonArray().add(1) : new JsonArray()).encode();
    }
}
