package io.hypermesh.execution.host;

import static io.hypermesh.execution.host.HostFixtures.HOSTS;
import static io.hypermesh.execution.host.HostFixtures.heartbeat;
import static io.hypermesh.execution.host.HostFixtures.idOf;
import static io.hypermesh.execution.host.HostFixtures.joinBody;
import static io.hypermesh.execution.host.HostFixtures.newHostKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.execution.ExecutionServiceTest;
import io.hypermesh.protocol.Ed25519;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** One missed window makes a host SUSPECT, not OFFLINE: it keeps its place and comes back with its next heartbeat. */
@TestPropertySource(properties = {
        "hypermesh.execution.hosts.suspect-after=1s",
        "hypermesh.execution.hosts.heartbeat-timeout=120s",
        "hypermesh.execution.hosts.sweep-interval=200ms"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HostSuspectTest extends ExecutionServiceTest {

    private final String reader = TOKENS.token(freshIdentity(), "client");

    @Test
    void shouldMarkAHostThatMissedAWindowSuspectAndOnlineAgainOnItsNextHeartbeat() {
        Ed25519.Signer key = newHostKey();
        String hostToken = TOKENS.token(idOf(key), "host");
        assertThat(http.post(HOSTS, joinBody(key)).bearer(hostToken).send().status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> status(idOf(key)).equals("SUSPECT"));
        assertProblem(http.post(HOSTS, joinBody(key)).bearer(hostToken).send(), 409);
        assertThat(http.get(HOSTS + "?status=SUSPECT&limit=100").bearer(reader).send().json().path("items")
                .findValuesAsString("id")).contains(idOf(key));

        Response beat = http.post(HOSTS + "/" + idOf(key) + "/heartbeats", heartbeat(100, 0)).bearer(hostToken).send();
        assertThat(beat.status()).as(beat.body()).isEqualTo(200);
        assertThat(beat.json().path("status").asString()).isEqualTo("ONLINE");
        assertThat(status(idOf(key))).isEqualTo("ONLINE");
    }

    private String status(String hostId) {
        return http.get(HOSTS + "/" + hostId).bearer(reader).send().json().path("status").asString();
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().path("type").asString()).isEqualTo("https://hypermesh.io/problems/host-already-online");
    }
}
