package io.slideo.gateway.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slideo.testing.Infrastructure;
import io.slideo.testing.TestTokens;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;

@QuarkusTest
@QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = WebSocketInstances.Balanced.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FreshRateLimitCounters.class, restrictToAnnotatedClass = true)
class WebSocketTunnelTest {
    @Inject
    Vertx vertx;

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void spreadsUpgradesOverTheLiveInstancesSkippingACrashedAndADrainingOne() throws Exception {
        String token = TestTokens.valid(TestTokens.newUser());
        WebSocketClient client = vertx.createWebSocketClient();
        List<WebSocket> sockets = new ArrayList<>();
        Set<String> instances = new HashSet<>();
        try {
            for (int i = 0; i < 8; i++) {
                BlockingQueue<String> received = new LinkedBlockingQueue<>();
                // The handler goes on in the connect callback: the instance's greeting may arrive with the 101.
                WebSocket ws = client.connect(new WebSocketConnectOptions().setHost(gateway.getHost())
                        .setPort(gateway.getPort()).setURI("/ws?access_token=" + token))
                        .map(opened -> { opened.textMessageHandler(received::add); return opened; })
                        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                sockets.add(ws);
                String name = received.poll(10, TimeUnit.SECONDS);
                instances.add(name);
                ws.writeTextMessage("hello");
                assertEquals(name + ":hello", received.poll(10, TimeUnit.SECONDS));
            }
            assertEquals(Set.of("instance-a", "instance-b"), instances);
        } finally {
            sockets.forEach(WebSocket::close);
            client.close();
        }
    }

    /** The flooding instance behind a gateway of its own. */
    @QuarkusTest
    @QuarkusTestResource(value = Infrastructure.class, restrictToAnnotatedClass = true)
    @QuarkusTestResource(value = WebSocketInstances.Flooding.class, restrictToAnnotatedClass = true)
    @QuarkusTestResource(value = FreshRateLimitCounters.class, restrictToAnnotatedClass = true)
    static class BackPressureTest {
        private static final long FIFTY_MEGABYTES = 50L * 1024 * 1024;

        @Inject
        Vertx vertx;

        @TestHTTPResource("/")
        URL gateway;

        @Test
        void aClientThatStopsReadingStopsItsInstanceWritingInsteadOfFillingTheGateway() throws Exception {
            String token = TestTokens.valid(TestTokens.newUser());
            WebSocketClient client = vertx.createWebSocketClient();
            try {
                WebSocket ws = client.connect(new WebSocketConnectOptions().setHost(gateway.getHost())
                        .setPort(gateway.getPort()).setURI("/ws?access_token=" + token))
                        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                BlockingQueue<Integer> sizes = new LinkedBlockingQueue<>();
                ws.binaryMessageHandler(buffer -> sizes.add(buffer.length()));
                ws.pause();
                // Buffers along the way (kernel, Netty) fill, then the instance can write no more.
                long[] last = { -1 };
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    long now = WebSocketInstances.FLOODED_BYTES.get();
                    boolean stalled = now == last[0];
                    last[0] = now;
                    return stalled;
                });
                long written = WebSocketInstances.FLOODED_BYTES.get();
                assertEquals(true, written < FIFTY_MEGABYTES / 2, "the instance stalled after " + written + " bytes");

                ws.resume();
                assertEquals(WebSocketInstances.FLOOD_CHUNK, sizes.poll(10, TimeUnit.SECONDS));
                await().atMost(Duration.ofSeconds(30)).until(() -> WebSocketInstances.FLOODED_BYTES.get() > written);
                ws.close();
            } finally {
                client.close();
            }
        }
    }
}
