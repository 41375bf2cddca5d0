package io.hypermesh.ledger.block;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.hypermesh.ledger.LedgerServiceTest;
import io.hypermesh.protocol.CanonicalJson;
import io.hypermesh.protocol.ConsensusProof;
import io.hypermesh.protocol.Ed25519;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The stake and zone parts of the proof with the lookups wired: payment-service and routing-service are
 * played by a stub on loopback whose answers each test sets — including the failures it injects. SLASHING
 * needs a stake of 1 micro-CAES (set by the base class).
 */
class RemoteLookupApiTest extends LedgerServiceTest {

    private static final RemoteStub REMOTE = new RemoteStub();

    @DynamicPropertySource
    static void remotes(DynamicPropertyRegistry registry) {
        registry.add("hypermesh.ledger.clients.payment-url", REMOTE::url);
        registry.add("hypermesh.ledger.clients.routing-url", REMOTE::url);
        registry.add("hypermesh.ledger.clients.stake-cache-ttl", () -> "0s");
        registry.add("hypermesh.ledger.clients.zone-cache-ttl", () -> "0s");
    }

    @BeforeEach
    void aZoneThatExists() {
        REMOTE.answers.clear();
        REMOTE.answer("/api/v1/routing/zones/eu-west", 200,
                "{\"name\":\"eu-west\",\"bounds\":{\"min\":{\"x\":0,\"y\":-10,\"z\":0},\"max\":{\"x\":100,\"y\":10,\"z\":100}}}");
    }

    @Test
    void shouldAppendWhenTheZoneContainsTheCoordinateAndTheStakeSuffices() {
        Ed25519.Signer author = Ed25519.generate();
        REMOTE.answer("/api/v1/payments/stakes/" + author.identity(), 200,
                "{\"identity\":\"" + author.identity() + "\",\"staked\":1,\"unlocking\":0,\"total\":1}");

        assertThat(appendOf(author, "SLASHING", "eu-west", 12.5).status()).isEqualTo(201);
    }

    @Test
    void shouldRefuseAStakeBelowTheMinimumWithTheChainUntouched() {
        Ed25519.Signer author = Ed25519.generate();
        REMOTE.answer("/api/v1/payments/stakes/" + author.identity(), 200,
                "{\"identity\":\"" + author.identity() + "\",\"staked\":0,\"unlocking\":5,\"total\":5}");
        long height = head().path("height").asLong();

        assertProblem(appendOf(author, "SLASHING", "eu-west", 12.5), 422, "proof-stake-invalid");
        assertThat(head().path("height").asLong()).isEqualTo(height);
    }

    @Test
    void shouldTreatAnIdentityPaymentNeverSawAsHavingNoStake() {
        assertProblem(appendOf(Ed25519.generate(), "SLASHING", "eu-west", 12.5), 422, "proof-stake-invalid");
    }

    @Test
    void shouldRefuseAnUnknownZoneAndACoordinateOutsideTheZone() {
        assertProblem(appendOf(Ed25519.generate(), "DEPLOYMENT", "atlantis", 12.5), 422, "proof-space-invalid");
        assertProblem(appendOf(Ed25519.generate(), "DEPLOYMENT", "eu-west", 500.0), 422, "proof-space-invalid");
    }

    @Test
    void shouldAnswer503RatherThanAppendUncheckedWhenALookupFails() {
        Ed25519.Signer author = Ed25519.generate();
        REMOTE.answer("/api/v1/payments/stakes/" + author.identity(), 500, "{}");
        assertProblem(appendOf(author, "SLASHING", "eu-west", 12.5), 503, "stake-unavailable");

        REMOTE.answer("/api/v1/routing/zones/eu-west", 503, "{}");
        assertProblem(appendOf(Ed25519.generate(), "DEPLOYMENT", "eu-west", 12.5), 503, "zone-unavailable");
    }

    private io.hypermesh.devsupport.TestHttp.Response appendOf(Ed25519.Signer author, String type, String zone, double x) {
        Map<String, Object> payload = uniquePayload();
        JsonNode head = head();
        ConsensusProof proof = ConsensusProof.create(author, type, CanonicalJson.tree(payload), head.path("height").asLong(),
                head.path("hash").asString(), Instant.now(), zone, x, 0.0, 40.0, DIFFICULTY);
        return append(appendBody(type, payload, proof), UUID.randomUUID().toString());
    }

    /** payment-service and routing-service as far as the ledger asks them: canned answers per path, 404 otherwise. */
    private static final class RemoteStub {
        private final Map<String, Map.Entry<Integer, String>> answers = new ConcurrentHashMap<>();
        private final HttpServer server;

        RemoteStub() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                Map.Entry<Integer, String> answer = answers.getOrDefault(exchange.getRequestURI().getPath(), Map.entry(404, "{}"));
                byte[] body = answer.getValue().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(answer.getKey(), body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
        }

        void answer(String path, int status, String body) {
            answers.put(path, Map.entry(status, body));
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }
    }
}
