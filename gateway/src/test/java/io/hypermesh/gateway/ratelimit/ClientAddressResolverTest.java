package io.hypermesh.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressResolverTest {

    private final ClientAddressResolver resolver = new ClientAddressResolver("127\\.0\\.0\\.1|10\\.[0-9.]+");

    @Test
    void shouldTakeTheFirstUntrustedHopFromTheRightBehindTrustedProxies() {
        MockHttpServletRequest request = from("10.0.0.5");
        request.addHeader("X-Forwarded-For", "6.6.6.6, 203.0.113.9, 10.0.0.7");

        assertThat(resolver.resolve(request)).isEqualTo("203.0.113.9");
    }

    @Test
    void shouldIgnoreForwardedForFromAnUntrustedPeer() {
        MockHttpServletRequest request = from("203.0.113.50");
        request.addHeader("X-Forwarded-For", "198.51.100.1");

        assertThat(resolver.resolve(request)).isEqualTo("203.0.113.50");
    }

    @Test
    void shouldCountGarbageInForwardedForUnderThePeer() {
        MockHttpServletRequest request = from("127.0.0.1");
        request.addHeader("X-Forwarded-For", "'; drop table rate_limit_windows; --");

        assertThat(resolver.resolve(request)).isEqualTo("127.0.0.1");
    }

    @Test
    void shouldUseThePeerWhenNoHeaderIsSent() {
        assertThat(resolver.resolve(from("127.0.0.1"))).isEqualTo("127.0.0.1");
    }

    private static MockHttpServletRequest from(String peer) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/registry/assets");
        request.setRemoteAddr(peer);
        return request;
    }
}
