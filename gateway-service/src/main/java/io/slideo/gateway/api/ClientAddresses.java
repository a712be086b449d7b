package io.slideo.gateway.api;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import io.slideo.gateway.config.GatewayConfig;
import io.slideo.gateway.config.GatewayConfig.ForwardedHeader;
import io.vertx.core.MultiMap;

/**
 * The client address a request's budget is kept for. It is the connection's peer, unless the peer
 * is a configured trusted proxy: then the forwarding header is read from its nearest hop outwards,
 * past every trusted proxy, and the first address no trusted proxy has is the client. Hops farther
 * out were written by the client itself and are never believed.
 */
public final class ClientAddresses {
    private static final String X_FORWARDED_FOR = "X-Forwarded-For";
    private static final String FORWARDED = "Forwarded";

    private final List<IpSubnetFilterRule> trustedProxies = new ArrayList<>();
    private final ForwardedHeader header;

    public ClientAddresses(GatewayConfig.ClientAddress config) {
        this(config.trustedProxies().orElse(List.of()), config.forwardedHeader());
    }

    ClientAddresses(List<String> proxies, ForwardedHeader header) {
        for (String proxy : proxies) {
            trustedProxies.add(subnet(proxy.strip()));
        }
        this.header = header;
    }

    /** The client address of a request from {@code peer} with these headers; null without a peer. */
    public String of(String peer, MultiMap headers) {
        if (peer == null || !trusted(peer)) {
            return peer;
        }
        List<String> hops = header == ForwardedHeader.FORWARDED ? forwardedFor(headers) : xForwardedFor(headers);
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = NetUtil.createInetAddressFromIpAddressString(hops.get(i));
            if (hop == null) {
                // "unknown" or an obfuscated name: the last address known is as near as the client gets.
                return client;
            }
            client = hop.getHostAddress();
            if (!trusted(hop)) {
                return client;
            }
        }
        return client;
    }

    private boolean trusted(String address) {
        InetAddress parsed = NetUtil.createInetAddressFromIpAddressString(address);
        return parsed != null && trusted(parsed);
    }

    private boolean trusted(InetAddress address) {
        InetSocketAddress socket = new InetSocketAddress(address, 0);
        for (IpSubnetFilterRule proxy : trustedProxies) {
            if (proxy.matches(socket)) {
                return true;
            }
        }
        return false;
    }

    private static IpSubnetFilterRule subnet(String proxy) {
        int slash = proxy.indexOf('/');
        String address = slash < 0 ? proxy : proxy.substring(0, slash);
        InetAddress parsed = NetUtil.createInetAddressFromIpAddressString(address);
        if (parsed == null) {
            throw new IllegalArgumentException("A trusted proxy must be an IP address or a CIDR, not " + proxy);
        }
        int bits = slash < 0 ? parsed.getAddress().length * 8 : Integer.parseInt(proxy.substring(slash + 1));
        return new IpSubnetFilterRule(parsed, bits, IpFilterRuleType.ACCEPT);
    }

    /** X-Forwarded-For: a, b, c (over one or more header lines), farthest first. */
    private static List<String> xForwardedFor(MultiMap headers) {
        List<String> hops = new ArrayList<>();
        for (String line : headers.getAll(X_FORWARDED_FOR)) {
            for (String hop : line.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(withoutPort(hop.strip()));
                }
            }
        }
        return hops;
    }

    /** RFC 7239: Forwarded: for=192.0.2.60;proto=http, for="[2001:db8:cafe::17]:4711", farthest first. */
    private static List<String> forwardedFor(MultiMap headers) {
        List<String> hops = new ArrayList<>();
        for (String line : headers.getAll(FORWARDED)) {
            for (String element : line.split(",")) {
                for (String pair : element.split(";")) {
                    int equals = pair.indexOf('=');
                    if (equals > 0 && pair.substring(0, equals).strip().equalsIgnoreCase("for")) {
                        hops.add(withoutPort(pair.substring(equals + 1).strip().replace("\"", "")));
                    }
                }
            }
        }
        return hops;
    }

    /** "[2001:db8::17]:4711" and "192.0.2.43:47011" without their ports; a bare IPv6 address as it is. */
    private static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int close = hop.indexOf(']');
            return close < 0 ? hop : hop.substring(1, close);
        }
        int colon = hop.indexOf(':');
        return colon >= 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }
}
