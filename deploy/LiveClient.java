import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A minimal Slideo WebSocket client for the shell, on the JDK alone:
 *   java deploy/LiveClient.java <token> [--until <type>] [<type> '<data json>'] ...
 * Sends each message (in order, with a fresh id) and prints every message received, one JSON per
 * line, until a message of type --until arrives (or Ctrl-C).
 */
public class LiveClient {
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java deploy/LiveClient.java <token> [--until <type>] [<type> '<data json>'] ...");
            System.exit(2);
        }
        String url = System.getenv().getOrDefault("SLIDEO_WS_URL", "ws://localhost:8080/ws");
        String until = null;
        int i = 1;
        if (args.length > 2 && args[1].equals("--until")) {
            until = args[2];
            i = 3;
        }
        CountDownLatch done = new CountDownLatch(1);
        String stopAt = until;
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("slideo.v1", "bearer." + args[0])
                .buildAsync(URI.create(url), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            String message = partial.toString();
                            partial.setLength(0);
                            System.out.println(message);
                            if (stopAt != null && message.contains("\"type\":\"" + stopAt + "\"")) {
                                done.countDown();
                            }
                        }
                        ws.request(1);
                        return CompletableFuture.completedFuture(null);
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                        System.err.println("closed: " + status + " " + reason);
                        done.countDown();
                        return null;
                    }

                    @Override
                    public void onError(WebSocket ws, Throwable error) {
                        System.err.println("error: " + error);
                        done.countDown();
                    }
                }).get(15, TimeUnit.SECONDS);
        for (; i + 1 < args.length; i += 2) {
            String message = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"" + args[i] + "\",\"client_id\":\"cli\","
                    + "\"data\":" + args[i + 1] + "}";
            socket.sendText(message, true).get(5, TimeUnit.SECONDS);
        }
        if (stopAt == null) {
            done.await();
        } else if (!done.await(10, TimeUnit.MINUTES)) {
            System.err.println("no " + stopAt + " within 10 minutes");
        }
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
    }
}
