package io.slideo.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.slideo.gateway.config.GatewayConfig.ForwardedHeader;
import io.vertx.core.MultiMap;

class ClientAddressesTest {
    private static final ClientAddresses NO_PROXY = new ClientAddresses(List.of(), ForwardedHeader.X_FORWARDED_FOR);
    private static final ClientAddresses BEHIND_BALANCER = new ClientAddresses(List.of("10.0.0.0/8", "192.0.2.1"),
            ForwardedHeader.X_FORWARDED_FOR);

    @Test
    void aForwardingHeaderFromAnUntrustedPeerIsIgnored() {
        assertEquals("198.51.100.7", NO_PROXY.of("198.51.100.7", xForwardedFor("203.0.113.5")));
        assertEquals("198.51.100.7", BEHIND_BALANCER.of("198.51.100.7", xForwardedFor("203.0.113.5")));
    }

    @Test
    void aTrustedProxysHeaderNamesTheClientAndWhatTheClientWroteBeforeItIsIgnored() {
        // The client sent "203.0.113.5" itself; the balancer appended the address it saw.
        assertEquals("198.51.100.7", BEHIND_BALANCER.of("10.1.2.3", xForwardedFor("203.0.113.5, 198.51.100.7")));
        assertEquals("198.51.100.7", BEHIND_BALANCER.of("192.0.2.1", xForwardedFor("198.51.100.7")));
    }

    @Test
    void everyTrustedHopIsSkippedOnTheWayOut() {
        MultiMap twoLines = MultiMap.caseInsensitiveMultiMap().add("X-Forwarded-For", "198.51.100.7")
                .add("X-Forwarded-For", "10.9.9.9:4711");
        assertEquals("198.51.100.7", BEHIND_BALANCER.of("10.1.2.3", twoLines));
        assertEquals("10.9.9.9", BEHIND_BALANCER.of("10.1.2.3", xForwardedFor("unknown, 10.9.9.9")));
    }

    @Test
    void aTrustedPeerWithoutTheHeaderIsTheClient() {
        assertEquals("10.1.2.3", BEHIND_BALANCER.of("10.1.2.3", MultiMap.caseInsensitiveMultiMap()));
    }

    @Test
    void theStandardForwardedHeaderIsReadWhenTheProxiesSetThatOne() {
        ClientAddresses rfc7239 = new ClientAddresses(List.of("10.0.0.0/8"), ForwardedHeader.FORWARDED);
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Forwarded", "for=203.0.113.5;proto=https, for=\"[2001:db8:cafe::17]:4711\";by=10.0.0.1")
                .add("X-Forwarded-For", "198.51.100.99");
        assertEquals("2001:db8:cafe:0:0:0:0:17", rfc7239.of("10.1.2.3", headers));
        // The header these proxies do not set is the client's own.
        assertEquals("10.1.2.3", rfc7239.of("10.1.2.3", xForwardedFor("198.51.100.99")));
    }

    @Test
    void aTrustedProxyThatIsNoAddressIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class,
                () -> new ClientAddresses(List.of("proxy.example"), ForwardedHeader.X_FORWARDED_FOR));
    }

    private static MultiMap xForwardedFor(String value) {
        return MultiMap.caseInsensitiveMultiMap().add("X-Forwarded-For", value);
    }
}
