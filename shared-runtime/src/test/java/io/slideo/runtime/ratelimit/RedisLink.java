package io.slideo.runtime.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP link to the real Redis that a test can cut and restore on the same port: Redis going away
 * under a connected client, without touching the Redis every other test shares.
 */
final class RedisLink implements AutoCloseable {
    private final InetSocketAddress redis;
    private final int port;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    RedisLink(String redisUrl) throws IOException {
        URI uri = URI.create(redisUrl);
        this.redis = new InetSocketAddress(uri.getHost(), uri.getPort());
        this.port = open(0);
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Closes the listening socket and every connection through it. */
    void cut() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    void restore() throws IOException {
        open(port);
    }

    private int open(int wanted) throws IOException {
        ServerSocket listening = new ServerSocket();
        listening.setReuseAddress(true);
        listening.bind(new InetSocketAddress("127.0.0.1", wanted));
        server = listening;
        Thread accepting = new Thread(() -> accept(listening), "redis-link-accept");
        accepting.setDaemon(true);
        accepting.start();
        return listening.getLocalPort();
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket upstream = new Socket(redis.getAddress(), redis.getPort());
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                return; // cut
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread pumping = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    out.write(buffer, 0, read);
                }
            } catch (IOException e) {
                // One side closed: the other follows.
            } finally {
                try {
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "redis-link-pump");
        pumping.setDaemon(true);
        pumping.start();
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
