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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A one-second heartbeat timeout, so the real scheduled sweep can be watched. The context is closed
 * afterwards: its eager sweeper must not keep marking the hosts of other test classes OFFLINE.
 */
@TestPropertySource(properties = {
        "hypermesh.execution.hosts.heartbeat-timeout=1s",
        "hypermesh.execution.hosts.sweep-interval=200ms"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(HostOfflineSweepTest.RecordedEvents.class)
class HostOfflineSweepTest extends ExecutionServiceTest {

    @Autowired
    List<HostWentOffline> wentOffline;

    private final String reader = TOKENS.token(freshIdentity(), "client");

    @Test
    void shouldMarkASilentHostOfflineAndBringItBackOnItsNextHeartbeat() {
        Ed25519.Signer key = newHostKey();
        String hostToken = TOKENS.token(idOf(key), "host");
        assertThat(http.post(HOSTS, joinBody(key)).bearer(hostToken).send().status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> status(idOf(key)).equals("OFFLINE"));
        // The event follows the committed UPDATE on the scheduler thread, so it may trail the status by a moment.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(wentOffline).extracting(HostWentOffline::hostId).contains(idOf(key)));

        Response beat = http.post(HOSTS + "/" + idOf(key) + "/heartbeats", heartbeat(100, 0)).bearer(hostToken).send();
        assertThat(beat.status()).as(beat.body()).isEqualTo(200);
        assertThat(beat.json().path("status").asString()).isEqualTo("ONLINE");
        assertThat(beat.json().path("heartbeatTimeoutSeconds").asLong()).isEqualTo(1);
    }

    @Test
    void shouldLeaveAHostThatLeftAsLeftWhenSweeping() {
        Ed25519.Signer leaving = newHostKey();
        Ed25519.Signer silent = newHostKey();
        http.post(HOSTS, joinBody(leaving)).bearer(TOKENS.token(idOf(leaving), "host")).send();
        http.post(HOSTS, joinBody(silent)).bearer(TOKENS.token(idOf(silent), "host")).send();
        assertThat(http.delete(HOSTS + "/" + idOf(leaving)).bearer(TOKENS.token(idOf(leaving), "host")).send().status()).isEqualTo(204);

        // The silent host going OFFLINE proves a sweep ran after the other host had left.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> status(idOf(silent)).equals("OFFLINE"));

        assertThat(status(idOf(leaving))).isEqualTo("LEFT");
    }

    private String status(String hostId) {
        return http.get(HOSTS + "/" + hostId).bearer(reader).send().json().path("status").asString();
    }

    /** Collects the events the sweep publishes, as the reassignment of running work will consume them. */
    @TestConfiguration
    static class RecordedEvents {

        private final List<HostWentOffline> events = new CopyOnWriteArrayList<>();

        @Bean
        List<HostWentOffline> wentOffline() {
            return events;
        }

        @EventListener
        void on(HostWentOffline event) {
            events.add(event);
        }
    }
}
