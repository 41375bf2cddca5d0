package io.hypermesh.gateway;

import static io.hypermesh.gateway.SignInTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hypermesh.devsupport.TestHttp;
import io.hypermesh.devsupport.TestPostgres;
import io.hypermesh.gateway.support.DownstreamStub;
import io.hypermesh.gateway.support.SignIn;
import io.hypermesh.protocol.Ed25519;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two gateway instances on one database, as two replicas behind a load balancer: the limit is per
 * caller across both, because the count lives in PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RateLimitTest {

    static final int AUTHENTICATED_LIMIT = 5;
    static final int ANONYMOUS_LIMIT = 4;
    static final DownstreamStub REGISTRY = DownstreamStub.answering("registry");

    static ConfigurableApplicationContext secondInstance;

    @LocalServerPort
    int port;

    TestHttp first;
    TestHttp second;

    static Map<String, String> sharedProperties() {
        Map<String, String> properties = new LinkedHashMap<>(TestPostgres.forService("gateway").springProperties());
        for (String service : new String[] {"registry", "execution", "routing", "payment", "ledger"}) {
            properties.put("hypermesh.gateway.services." + service, REGISTRY.url());
        }
        properties.put("hypermesh.auth.issuer", "http://gateway.hypermesh.test");
        properties.put("hypermesh.gateway.rate-limit.authenticated-per-minute", Integer.toString(AUTHENTICATED_LIMIT));
        properties.put("hypermesh.gateway.rate-limit.anonymous-per-minute", Integer.toString(ANONYMOUS_LIMIT));
        return properties;
    }

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        sharedProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @BeforeAll
    static void startSecondInstance() {
        Map<String, String> properties = new LinkedHashMap<>(sharedProperties());
        properties.put("server.port", "0");
        // As command-line arguments: builder "properties" are defaults, which application.yaml would override.
        String[] arguments = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
        secondInstance = new SpringApplicationBuilder(GatewayApplication.class).run(arguments);
    }

    @AfterAll
    static void stopSecondInstance() {
        if (secondInstance != null) {
            secondInstance.close();
        }
        REGISTRY.close();
    }

    @BeforeEach
    void clients() {
        first = TestHttp.onPort(port);
        second = TestHttp.onPort(Integer.parseInt(secondInstance.getEnvironment().getProperty("local.server.port")));
        // Windows are whole minutes: start early in one, so a test's requests all land in the same window.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> LocalTime.now(ZoneOffset.UTC).getSecond() < 40);
    }

    @Test
    void shouldShareTheLimitOfAnIdentityAcrossBothInstances() {
        String address = randomAddress();
        String token = SignIn.token(first, Ed25519.generate(), request -> request.header("X-Forwarded-For", address));
        String path = "/api/v1/registry/limited/" + UUID.randomUUID();

        for (int call = 1; call <= AUTHENTICATED_LIMIT; call++) {
            // The token minted by the first instance is accepted by the second: they share the signing key.
            TestHttp.Response response = (call % 2 == 1 ? first : second).get(path).bearer(token).send();
            assertThat(response.status()).as("call %d: %s", call, response.body()).isEqualTo(200);
            assertThat(response.header("RateLimit-Limit")).isEqualTo(Integer.toString(AUTHENTICATED_LIMIT));
            assertThat(response.header("RateLimit-Remaining")).isEqualTo(Integer.toString(AUTHENTICATED_LIMIT - call));
        }

        TestHttp.Response limited = second.get(path).bearer(token).send();

        assertProblem(limited, 429, "rate-limited");
        assertThat(limited.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(limited.header("RateLimit-Reset")).isEqualTo(limited.header("Retry-After"));
        assertThat(first.get(path).bearer(token).send().status()).isEqualTo(429);
        assertThat(REGISTRY.count(path)).as("refused calls are not forwarded").isEqualTo(AUTHENTICATED_LIMIT);
    }

    @Test
    void shouldLimitAnonymousCallersByAddressAcrossBothInstances() {
        String address = randomAddress();
        String path = "/api/v1/registry/anonymous/" + UUID.randomUUID();

        for (int call = 1; call <= ANONYMOUS_LIMIT; call++) {
            TestHttp.Response response = (call % 2 == 1 ? first : second).get(path)
                    .header("X-Forwarded-For", address).send();
            assertThat(response.status()).as("call %d", call).isEqualTo(200);
            assertThat(response.header("RateLimit-Limit")).isEqualTo(Integer.toString(ANONYMOUS_LIMIT));
        }

        assertProblem(first.get(path).header("X-Forwarded-For", address).send(), 429, "rate-limited");
        assertThat(second.get(path).header("X-Forwarded-For", randomAddress()).send().status())
                .as("another caller has its own window").isEqualTo(200);
    }

    @Test
    void shouldCountRequestsWithRefusedTokensAgainstTheCallerAddress() {
        String address = randomAddress();

        for (int call = 1; call <= ANONYMOUS_LIMIT; call++) {
            TestHttp.Response response = (call % 2 == 1 ? first : second).get("/api/v1/registry/assets")
                    .header("X-Forwarded-For", address).bearer("not.a.token").send();
            assertProblem(response, 401, "unauthorized");
            assertThat(response.header("RateLimit-Remaining")).isEqualTo(Integer.toString(ANONYMOUS_LIMIT - call));
        }

        assertProblem(second.get("/api/v1/registry/assets").header("X-Forwarded-For", address).bearer("not.a.token").send(),
                429, "rate-limited");
    }

    private static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
