package io.hypermesh.gateway;

import io.hypermesh.devsupport.TestHttp;
import io.hypermesh.devsupport.TestPostgres;
import io.hypermesh.gateway.support.DownstreamStub;
import io.hypermesh.protocol.Ed25519;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One gateway on a random port, on the test PostgreSQL, in front of stub services: registry and
 * execution answer, routing is down (nothing listens on its port), payment and ledger hang. Every
 * subclass shares this one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class GatewayIntegrationTest {

    static final DownstreamStub REGISTRY = DownstreamStub.answering("registry");
    static final DownstreamStub EXECUTION = DownstreamStub.answering("execution");
    static final DownstreamStub PAYMENT = DownstreamStub.hanging("payment");
    static final DownstreamStub LEDGER = DownstreamStub.hanging("ledger");
    static final String ROUTING_DOWN_URL = "http://127.0.0.1:" + unusedPort();

    /** The one identity configured as an operator. */
    static final Ed25519.Signer OPERATOR_KEY = Ed25519.generate();
    static final Ed25519.Signer SERVICE_KEY = Ed25519.generate();
    static final String ISSUER = "http://gateway.hypermesh.test";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        TestPostgres.forService("gateway").springProperties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("hypermesh.gateway.services.registry", REGISTRY::url);
        registry.add("hypermesh.gateway.services.execution", EXECUTION::url);
        registry.add("hypermesh.gateway.services.routing", () -> ROUTING_DOWN_URL);
        registry.add("hypermesh.gateway.services.payment", PAYMENT::url);
        registry.add("hypermesh.gateway.services.ledger", LEDGER::url);
        registry.add("hypermesh.gateway.timeouts.connect", () -> "1s");
        registry.add("hypermesh.gateway.timeouts.read", () -> "700ms");
        registry.add("hypermesh.auth.issuer", () -> ISSUER);
        registry.add("hypermesh.auth.operators", () -> OPERATOR_KEY.identity().value());
        registry.add("hypermesh.auth.services", () -> SERVICE_KEY.identity().value());
        // Limits are tested in RateLimitTest; here they must not interfere with the other tests.
        registry.add("hypermesh.gateway.rate-limit.authenticated-per-minute", () -> "100000");
        registry.add("hypermesh.gateway.rate-limit.anonymous-per-minute", () -> "100000");
        // The ledger breaker opens after two failures out of two, so a test can watch it open.
        registry.add("resilience4j.circuitbreaker.instances.ledger.sliding-window-type", () -> "count_based");
        registry.add("resilience4j.circuitbreaker.instances.ledger.sliding-window-size", () -> "2");
        registry.add("resilience4j.circuitbreaker.instances.ledger.minimum-number-of-calls", () -> "2");
        registry.add("resilience4j.circuitbreaker.instances.ledger.failure-rate-threshold", () -> "50");
        registry.add("resilience4j.circuitbreaker.instances.ledger.wait-duration-in-open-state", () -> "10m");
    }

    TestHttp http() {
        return TestHttp.onPort(port);
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
