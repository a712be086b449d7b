import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The WebSocket load client of bench/websocket-load.sh, the same for Slideo's websocket-service and
 * for the FastAPI peer: JDK WebSocket client, loopback only, every loop bounded in count and time.
 *
 *   java -cp kafka-clients.jar:slf4j-api.jar bench/WebSocketLoad.java idle    <ws-url> <server-pid> <count> [secret]
 *   java -cp ...                     bench/WebSocketLoad.java echo    <ws-url> <server-pid> <connections> <seconds> <window> [secret]
 *   java -cp ...                     bench/WebSocketLoad.java latency <ws-url> <kafka> <decks> <seconds> <secret> [warm-up seconds]
 *
 * Each mode prints "RESULT key=value ..." lines for the script's table. With a secret, each
 * connection carries a token of a user of its own (Slideo); without one, no token (the peer).
 */
public class WebSocketLoad {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .executor(Executors.newFixedThreadPool(2)).connectTimeout(Duration.ofSeconds(20)).build();

    public static void main(String[] args) throws Exception {
        loopbackOnly(args[1]);
        if (args[0].equals("latency")) {
            loopbackOnly(args[2]);
        }
        switch (args[0]) {
            case "idle" -> idle(args[1], Long.parseLong(args[2]), Integer.parseInt(args[3]), secret(args, 4));
            case "echo" -> echo(args[1], Long.parseLong(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), secret(args, 6));
            case "latency" -> latency(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]), args[5],
                    args.length > 6 ? Integer.parseInt(args[6]) : 2);
            default -> throw new IllegalArgumentException("mode: idle | echo | latency");
        }
        System.exit(0);
    }

    // ------------------------------------------------------------------ idle connections

    /**
     * Opens up to {@code count} connections that then send nothing; memory is the server's RSS growth.
     * For a JVM server (Slideo: a secret is given) the growth is also measured after a full GC at
     * both ends ({@code jcmd GC.run}), which leaves out the garbage the handshakes made; the raw
     * growth is printed as well.
     */
    static void idle(String url, long pid, int count, String secret) throws Exception {
        boolean jvm = secret != null;
        List<WebSocket> warm = open(url, secret, "idle-warm", 20, m -> { }, Duration.ofSeconds(60));
        Thread.sleep(2000);
        long before = rssKb(pid);
        long beforeGc = jvm ? rssAfterGcKb(pid) : before;
        long started = System.nanoTime();
        List<WebSocket> sockets = open(url, secret, "idle", count, m -> { }, Duration.ofSeconds(240));
        double openSeconds = (System.nanoTime() - started) / 1e9;
        Thread.sleep(5000); // let the server settle (sessions written, buffers released)
        int alive = (int) sockets.stream().filter(ws -> !ws.isInputClosed() && !ws.isOutputClosed()).count();
        long after = rssKb(pid);
        long afterGc = jvm ? rssAfterGcKb(pid) : after;
        double perConnectionKb = alive == 0 ? 0 : (after - before) / (double) alive;
        double perConnectionGcKb = alive == 0 ? 0 : (afterGc - beforeGc) / (double) alive;
        System.out.printf("RESULT idle_open=%d idle_asked=%d open_seconds=%.1f rss_before_mb=%.0f rss_after_mb=%.0f"
                + " kb_per_connection=%.1f rss_after_gc_mb=%.0f kb_per_connection_after_gc=%s%n", alive, count,
                openSeconds, before / 1024.0, after / 1024.0, perConnectionKb, afterGc / 1024.0,
                jvm ? String.format("%.1f", perConnectionGcKb) : "n/a");
        closeAll(sockets);
        closeAll(warm);
    }

    /** The server's RSS after a full GC (the JVM's own jcmd), once it has settled. */
    static long rssAfterGcKb(long pid) throws Exception {
        Process gc = new ProcessBuilder("jcmd", Long.toString(pid), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!gc.waitFor(60, TimeUnit.SECONDS)) {
            gc.destroy();
        }
        Thread.sleep(2000);
        return rssKb(pid);
    }

    // ------------------------------------------------------------------ echo throughput

    /**
     * {@code connections} sockets, each with {@code window} messages in flight, for {@code seconds}:
     * replies counted against the server's CPU time over the same span. Slideo answers a {@code ping}
     * with an {@code ack} (a parsed envelope in, a new one out); the peer echoes the text as it is.
     */
    static void echo(String url, long pid, int connections, int seconds, int window, String secret) throws Exception {
        AtomicLong replies = new AtomicLong();
        List<Pipe> pipes = new ArrayList<>();
        List<WebSocket> sockets = open(url, secret, "echo", connections, m -> replies.incrementAndGet(),
                Duration.ofSeconds(60));
        for (WebSocket ws : sockets) {
            pipes.add(new Pipe(ws));
        }
        // Each reply lets its connection send the next message; the window keeps every socket busy.
        String message = "{\"type\":\"ping\",\"client_id\":\"bench\",\"data\":{}}";
        java.util.Map<WebSocket, Pipe> bySocket = new java.util.IdentityHashMap<>();
        pipes.forEach(pipe -> bySocket.put(pipe.ws, pipe));
        ECHO_REPLY = ws -> {
            Pipe pipe = bySocket.get(ws);
            if (pipe != null) {
                pipe.send(message);
            }
        };
        for (Pipe pipe : pipes) {
            for (int i = 0; i < window; i++) {
                pipe.send(message);
            }
        }
        // Warm-up, not measured: pools and buffers, and the JIT on a JVM server (3 s left the first window
        // measured on a fresh websocket-service anywhere between 26,000 and 67,000 messages per CPU-second).
        Thread.sleep(10_000);
        long cpu0 = cpuTicks(pid);
        long kernel0 = kernelTicks(pid);
        long replies0 = replies.get();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long cpu1 = cpuTicks(pid);
        long kernel1 = kernelTicks(pid);
        long replies1 = replies.get();
        double wall = (System.nanoTime() - t0) / 1e9;
        ECHO_REPLY = ws -> { };
        double cpuSeconds = (cpu1 - cpu0) / (double) CLOCK_TICKS;
        double kernelSeconds = (kernel1 - kernel0) / (double) CLOCK_TICKS;
        long handled = replies1 - replies0;
        // The kernel's share is what no server code can remove: the socket reads, writes and waits, and on
        // loopback the receiving end's TCP work, which runs in the sender's system call.
        System.out.printf("RESULT echo_messages=%d echo_wall_s=%.1f echo_per_s=%.0f server_cpu_s=%.2f"
                + " server_kernel_cpu_s=%.2f messages_per_cpu_s=%.0f cpu_us_per_message=%.2f"
                + " kernel_us_per_message=%.2f connections=%d window=%d%n", handled, wall, handled / wall, cpuSeconds,
                kernelSeconds, cpuSeconds == 0 ? 0 : handled / cpuSeconds, perMessageMicros(cpuSeconds, handled),
                perMessageMicros(kernelSeconds, handled), sockets.size(), window);
        closeAll(sockets);
    }

    static volatile Consumer<WebSocket> ECHO_REPLY = ws -> { };

    /** One connection's sends, one at a time (the JDK client allows a single outstanding send). */
    static final class Pipe {
        final WebSocket ws;
        CompletableFuture<WebSocket> last = CompletableFuture.completedFuture(null);

        Pipe(WebSocket ws) {
            this.ws = ws;
        }

        synchronized void send(String text) {
            last = last.thenCompose(ignored -> ws.sendText(text, true)).exceptionally(e -> ws);
        }
    }

    // ------------------------------------------------------------------ notification latency

    /**
     * {@code decks} users, one socket and one deck each; every deck gets a notification a second on
     * notification.v1, published as the worker does (keyed by user id). Latency is from just before
     * the publish to the client's receipt, both on this machine's clock, over {@code seconds} after
     * {@code warmup} seconds of the same load that are not measured (the JIT compiles the path meanwhile).
     */
    static void latency(String url, String kafka, int decks, int seconds, String secret, int warmup) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        AtomicLong received = new AtomicLong();
        AtomicLong probes = new AtomicLong();
        List<WebSocket> sockets = new ArrayList<>();
        Semaphore inFlight = new Semaphore(200);
        List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
        for (int i = 0; i < decks; i++) {
            inFlight.acquire();
            CompletableFuture<WebSocket> ws = connect(url, token(secret, "deck-" + run + "-" + i), text -> {
                long now = nowMicros();
                int at = text.indexOf("\"published_us\":");
                if (at < 0) {
                    return;
                }
                long published = Long.parseLong(text.substring(at + 15, text.indexOf('}', at)).trim());
                if (text.contains("\"probe\"")) {
                    probes.incrementAndGet();
                } else {
                    micros.add(now - published);
                    received.incrementAndGet();
                }
            });
            ws.whenComplete((s, e) -> inFlight.release());
            opening.add(ws);
        }
        for (CompletableFuture<WebSocket> ws : opening) {
            sockets.add(ws.get(60, TimeUnit.SECONDS));
        }
        // A first message ends the resume window, so live notifications flow at once.
        for (WebSocket ws : sockets) {
            ws.sendText("{\"type\":\"ping\",\"data\":{}}", true);
        }
        Properties config = new Properties();
        config.put("bootstrap.servers", kafka);
        config.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        config.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        config.put("linger.ms", "0");
        config.put("acks", "1");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            // The instance's consumer starts at the end of the topic: wait until it is reading.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (probes.get() == 0 && System.nanoTime() < deadline) {
                publish(producer, "deck-" + run + "-0", "probe", 0);
                Thread.sleep(500);
            }
            if (probes.get() == 0) {
                throw new IllegalStateException("no notification reached the client within 90 s");
            }
            long sent = 0;
            long start = System.nanoTime();
            for (int second = 0; second < warmup + seconds; second++) {
                // The decks' notifications spread over the second, as slides finishing at random would be.
                for (int i = 0; i < decks; i++) {
                    long due = start + TimeUnit.SECONDS.toNanos(second) + TimeUnit.SECONDS.toNanos(1) * i / decks;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    publish(producer, "deck-" + run + "-" + i, "deck-" + i, second);
                    sent++;
                }
                if (second == warmup - 1) {
                    micros.clear(); // the warm-up seconds are not measured
                    received.set(0);
                }
            }
            producer.flush();
            Thread.sleep(3000);
            long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("RESULT latency_sent=%d latency_measured=%d decks=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f"
                    + " max_ms=%.1f%n", sent, sorted.length, decks, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0);
        }
        closeAll(sockets);
    }

    static void publish(KafkaProducer<String, String> producer, String user, String deck, int slide) {
        long published = nowMicros();
        String kind = deck.equals("probe") ? "probe" : "slide";
        String envelope = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"notification\",\"version\":1,"
                + "\"aggregateId\":\"" + user + "\",\"userId\":\"" + user + "\",\"occurredAt\":\"" + Instant.now()
                + "\",\"payload\":{\"userId\":\"" + user + "\",\"type\":\"progress_update\",\"requestId\":\"bench-"
                + deck + "\",\"data\":{\"stage\":\"writing\",\"percent\":" + (slide % 100) + ",\"deck_id\":\"" + deck
                + "\",\"kind\":\"" + kind + "\",\"published_us\":" + published + "}}}";
        producer.send(new ProducerRecord<>("notification.v1", user, envelope));
    }

    static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }

    // ------------------------------------------------------------------ plumbing

    /** Opens {@code count} sockets, at most 256 handshakes at once; returns those that opened in time. */
    static List<WebSocket> open(String url, String secret, String prefix, int count, Consumer<WebSocket> onMessage,
            Duration limit) throws Exception {
        Semaphore inFlight = new Semaphore(256);
        ConcurrentLinkedQueue<WebSocket> opened = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong firstFailure = new AtomicLong();
        List<String> failures = new ArrayList<>();
        long deadline = System.nanoTime() + limit.toNanos();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
            if (!inFlight.tryAcquire(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                break;
            }
            String user = prefix + "-" + run + "-" + i;
            WebSocket[] self = new WebSocket[1];
            connect(url, token(secret, user), text -> onMessage.accept(self[0]))
                    .orTimeout(60, TimeUnit.SECONDS)
                    .whenComplete((ws, e) -> {
                        if (e == null) {
                            self[0] = ws;
                            opened.add(ws);
                        } else if (failed.incrementAndGet() <= 3) {
                            synchronized (failures) {
                                failures.add(String.valueOf(e.getCause() == null ? e : e.getCause()));
                            }
                            firstFailure.compareAndSet(0, opened.size());
                        }
                        inFlight.release();
                    });
        }
        inFlight.tryAcquire(256, Math.max(1, deadline - System.nanoTime()) + TimeUnit.SECONDS.toNanos(60),
                TimeUnit.NANOSECONDS);
        if (failed.get() > 0) {
            System.out.printf("NOTE %s: %d of %d connections failed (first after %d open): %s%n", prefix, failed.get(),
                    count, firstFailure.get(), failures);
        }
        return new ArrayList<>(opened);
    }

    static CompletableFuture<WebSocket> connect(String url, String token, Consumer<String> onText) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30));
        String target = token == null ? url : url + "?access_token=" + token;
        return builder.buildAsync(URI.create(target), new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    String text = partial.toString();
                    partial.setLength(0);
                    onText.accept(text);
                    ECHO_REPLY.accept(ws);
                }
                ws.request(1);
                return null;
            }
        });
    }

    static void closeAll(List<WebSocket> sockets) {
        for (WebSocket ws : sockets) {
            ws.abort();
        }
    }

    static String secret(String[] args, int index) {
        return args.length > index && !args[index].isBlank() ? args[index] : null;
    }

    /** A one-hour HS256 token for {@code user}, as the suite's issuer signs them; null without a secret. */
    static String token(String secret, String user) {
        if (secret == null) {
            return null;
        }
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = System.currentTimeMillis() / 1000;
        String claims = String.format("{\"sub\":\"%s\",\"iss\":\"slideo-dev\",\"aud\":\"authenticated\",\"iat\":%d,"
                + "\"exp\":%d,\"role\":\"authenticated\"}", user, now - 5, now + 3600);
        String input = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return input + "." + b64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static final long CLOCK_TICKS = 100; // USER_HZ on Linux

    /** utime + stime of a process, in clock ticks (/proc/pid/stat fields 14 and 15). */
    static long cpuTicks(long pid) throws Exception {
        String[] fields = statFields(pid);
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** stime alone: the time the process's threads spent in the kernel, in clock ticks (field 15). */
    static long kernelTicks(long pid) throws Exception {
        return Long.parseLong(statFields(pid)[12]);
    }

    /** /proc/pid/stat's fields from the third on (the first two, pid and name, end at the last ')'). */
    private static String[] statFields(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    static double perMessageMicros(double seconds, long messages) {
        return messages == 0 ? 0 : seconds * 1e6 / messages;
    }

    static long rssKb(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                .findFirst().orElseThrow();
    }

    /** Loopback only: any other target is refused before a single connection is made. */
    static void loopbackOnly(String address) {
        String host = address.contains("://") ? URI.create(address).getHost() : address.substring(0, address.lastIndexOf(':'));
        if (!(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"))) {
            throw new IllegalArgumentException("Load goes to loopback addresses only, not " + host);
        }
    }
}
