package io.hypermesh.execution.host;

import static io.hypermesh.execution.host.HostFixtures.HOSTS;
import static io.hypermesh.execution.host.HostFixtures.idOf;
import static io.hypermesh.execution.host.HostFixtures.joinBody;
import static io.hypermesh.execution.host.HostFixtures.newHostKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.execution.ExecutionServiceTest;
import io.hypermesh.protocol.Ed25519;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * X-Forwarded-* is honoured only from the configured gateway addresses: here the gateway is somewhere else
 * (192.0.2.1, a documentation address), so this test's own loopback calls are an untrusted caller's and cannot
 * poison the Location header.
 */
@TestPropertySource(properties = "server.tomcat.remoteip.internal-proxies=192.0.2.1/32")
class ForwardedHeadersTest extends ExecutionServiceTest {

    @Test
    void shouldIgnoreForwardedHostAndProtoFromAnUntrustedCaller() {
        Ed25519.Signer key = newHostKey();

        Response joined = http.post(HOSTS, joinBody(key)).bearer(TOKENS.token(idOf(key), "host"))
                .header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "https").send();

        assertThat(joined.status()).as(joined.body()).isEqualTo(201);
        assertThat(joined.header("Location")).startsWith("http://127.0.0.1:").contains(HOSTS + "/")
                .doesNotContain("evil.example");
    }
}
