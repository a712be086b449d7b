package io.slideo.gateway.client;

import java.net.URI;

import io.vertx.core.http.HttpClient;
import io.vertx.core.net.SocketAddress;

/** One service behind the gateway: its name (for logs), where it listens, and the pooled client to it. */
public record Upstream(String name, URI url, SocketAddress address, HttpClient client) {
}
