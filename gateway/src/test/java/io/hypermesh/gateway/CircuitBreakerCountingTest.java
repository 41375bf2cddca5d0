package io.hypermesh.gateway;

import static io.hypermesh.gateway.SignInTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp;
import io.hypermesh.gateway.support.DownstreamStub;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What counts toward a service's circuit breaker: only the service's own failures. Its own gateway (the breakers
 * here open after half of four calls failed, for ten minutes), so that the other tests never meet an open breaker.
 */
class CircuitBreakerCountingTest extends GatewayIntegrationTest {

    static final DownstreamStub CLIENT_ERRORS = DownstreamStub.answering("registry");
    static final DownstreamStub SERVER_ERRORS = DownstreamStub.answering("execution");

    @DynamicPropertySource
    static void strictBreakers(DynamicPropertyRegistry registry) {
        registry.add("hypermesh.gateway.services.registry", CLIENT_ERRORS::url);
        registry.add("hypermesh.gateway.services.execution", SERVER_ERRORS::url);
        for (String service : new String[] {"registry", "execution"}) {
            String prefix = "resilience4j.circuitbreaker.instances." + service + ".";
            registry.add(prefix + "sliding-window-type", () -> "count_based");
            registry.add(prefix + "sliding-window-size", () -> "4");
            registry.add(prefix + "minimum-number-of-calls", () -> "4");
            registry.add(prefix + "failure-rate-threshold", () -> "50");
            registry.add(prefix + "wait-duration-in-open-state", () -> "10m");
        }
    }

    @AfterAll
    static void stopStubs() {
        CLIENT_ERRORS.close();
        SERVER_ERRORS.close();
    }

    @Test
    void shouldNotLetOneClientsMistakesOrOversizedBodiesOpenTheBreakerForEveryone() {
        String huge = "{\"code\": \"" + "a".repeat(5 * 1024 * 1024) + "\"}";
        for (int i = 0; i < 6; i++) {
            TestHttp.Response oversized = http().post("/api/v1/registry/no-such-path/" + i, huge).send();
            assertProblem(oversized, 413, "payload-too-large");
            assertThat(http().get("/api/v1/registry/status/404/" + i).send().status()).isEqualTo(404);
            assertThat(http().get("/api/v1/registry/status/422/" + i).send().status()).isEqualTo(422);
        }

        String path = "/api/v1/registry/assets/" + UUID.randomUUID();
        TestHttp.Response anyoneElse = http().get(path).send();

        assertThat(anyoneElse.status()).as(anyoneElse.body()).isEqualTo(200);
        assertThat(CLIENT_ERRORS.requests()).as("oversized bodies never reached the service")
                .noneMatch(seen -> seen.pathAndQuery().startsWith("/api/v1/registry/no-such-path/"));
    }

    @Test
    void shouldCountTheServicesOwnServerErrorsAndPassTheirAnswersOn() {
        for (int i = 0; i < 4; i++) {
            TestHttp.Response failed = http().get("/api/v1/executions/status/500/" + i).send();
            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.header("X-Served-By")).as("the service's own answer").isEqualTo("execution");
        }

        TestHttp.Response paused = http().get("/api/v1/executions/" + UUID.randomUUID()).send();

        assertProblem(paused, 503, "service-unavailable");
        assertThat(paused.json().path("detail").asString()).contains("paused");
    }
}
