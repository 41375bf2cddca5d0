package io.hypermesh.gateway;

import static io.hypermesh.gateway.SignInTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.hypermesh.devsupport.TestHttp;
import io.hypermesh.devsupport.TestTokenIssuer;
import io.hypermesh.gateway.auth.SigningKeyStore;
import io.hypermesh.gateway.support.DownstreamStub;
import io.hypermesh.gateway.support.SignIn;
import io.hypermesh.protocol.Ed25519;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RoutingTest extends GatewayIntegrationTest {

    @Autowired
    SigningKeyStore signingKeys;

    @Test
    void shouldForwardRegistryCallUnchangedWithForwardedHeadersAndAuthorization() {
        String token = SignIn.token(http(), Ed25519.generate());
        String path = "/api/v1/registry/assets/" + UUID.randomUUID() + "?tag=gpu&page=2";

        TestHttp.Response response = http().get(path).bearer(token).send();

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("X-Served-By")).isEqualTo("registry");
        DownstreamStub.Seen seen = REGISTRY.find(path).orElseThrow();
        assertThat(seen.method()).isEqualTo("GET");
        assertThat(seen.header("Authorization")).isEqualTo("Bearer " + token);
        assertThat(seen.header("X-Forwarded-Host")).isEqualTo("127.0.0.1:" + port);
        assertThat(seen.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(seen.header("X-Forwarded-Port")).isEqualTo(Integer.toString(port));
        assertThat(seen.header("X-Forwarded-Prefix")).as("paths are forwarded unchanged").isNull();
    }

    @Test
    void shouldPropagateTheTraceIdItReturnsToTheService() {
        String path = "/api/v1/registry/traced/" + UUID.randomUUID();

        TestHttp.Response response = http().get(path).send();

        String traceId = response.header("X-Trace-Id");
        assertThat(traceId).matches("[0-9a-f]{32}");
        String traceparent = REGISTRY.find(path).orElseThrow().header("traceparent");
        assertThat(traceparent).as("W3C trace context").startsWith("00-" + traceId + "-");
    }

    @Test
    void shouldForwardPostBodyAndAnonymousCallsWithoutAddingAuthorization() {
        String path = "/api/v1/registry/assets/" + UUID.randomUUID();

        TestHttp.Response response = http().post(path, "{\"name\":\"matmul\"}").send();

        assertThat(response.status()).isEqualTo(200);
        DownstreamStub.Seen seen = REGISTRY.find(path).orElseThrow();
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.header("Authorization")).isNull();
    }

    @Test
    void shouldRouteExecutionsAndHostsToTheExecutionService() {
        String executions = "/api/v1/executions/" + UUID.randomUUID();
        String hosts = "/api/v1/hosts/" + UUID.randomUUID() + "/heartbeats";

        assertThat(http().get(executions).send().header("X-Served-By")).isEqualTo("execution");
        assertThat(http().post(hosts, "{}").send().header("X-Served-By")).isEqualTo("execution");
        assertThat(EXECUTION.find(executions)).isPresent();
        assertThat(EXECUTION.find(hosts)).isPresent();
    }

    @Test
    void shouldRefuseTamperedTokenWithoutForwarding() {
        String token = SignIn.token(http(), Ed25519.generate());
        String[] parts = token.split("\\.");
        String otherSubject = Ed25519.generate().identity().value();
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replaceFirst("\"sub\":\"hm1[a-z2-7]{32}\"", "\"sub\":\"" + otherSubject + "\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(tampered).isNotEqualTo(token);
        String path = "/api/v1/registry/assets/" + UUID.randomUUID();

        TestHttp.Response response = http().get(path).bearer(tampered).send();

        assertProblem(response, 401, "unauthorized");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.header("X-Trace-Id")).isNotBlank();
        assertThat(REGISTRY.find(path)).as("a refused request is not forwarded").isEmpty();
    }

    @Test
    void shouldRefuseExpiredTokenSignedWithTheGatewayKey() throws Exception {
        String expired = signWithGatewayKey(ISSUER, "hypermesh", Instant.now().minus(Duration.ofMinutes(10)));
        String path = "/api/v1/registry/assets/" + UUID.randomUUID();

        TestHttp.Response response = http().get(path).bearer(expired).send();

        assertProblem(response, 401, "unauthorized");
        assertThat(REGISTRY.find(path)).isEmpty();
    }

    @Test
    void shouldRefuseTokenForAnotherAudienceOrIssuer() throws Exception {
        Instant later = Instant.now().plus(Duration.ofMinutes(10));

        assertProblem(http().get("/api/v1/registry/assets").bearer(signWithGatewayKey(ISSUER, "someone-else", later)).send(),
                401, "unauthorized");
        assertProblem(http().get("/api/v1/registry/assets").bearer(signWithGatewayKey("http://evil.test", "hypermesh", later)).send(),
                401, "unauthorized");
    }

    @Test
    void shouldRefuseTokenSignedByAnotherIssuersKey() {
        String foreign = TestTokenIssuer.shared().token(Ed25519.generate().identity().value(), "client");

        assertProblem(http().get("/api/v1/ledger/blocks").bearer(foreign).send(), 401, "unauthorized");
    }

    @Test
    void shouldAnswer503ProblemNamingTheServiceWhenNothingListens() {
        TestHttp.Response response = http().get("/api/v1/routing/zones").send();

        assertProblem(response, 503, "service-unavailable");
        assertThat(response.json().get("service").asString()).isEqualTo("routing");
        assertThat(response.header("X-Trace-Id")).isNotBlank();
    }

    @Test
    void shouldAnswer504ProblemWhenTheServiceIsSlowerThanTheReadTimeout() {
        long started = System.nanoTime();

        TestHttp.Response response = http().get("/api/v1/payments/accounts/" + UUID.randomUUID()).send();

        assertProblem(response, 504, "gateway-timeout");
        assertThat(response.json().get("service").asString()).isEqualTo("payment");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void shouldStopCallingAServiceWhileItsCircuitIsOpen() {
        String path = "/api/v1/ledger/blocks/" + UUID.randomUUID();
        // The test configuration opens the ledger breaker after two failed calls out of two.
        assertProblem(http().get(path).send(), 504, "gateway-timeout");
        assertProblem(http().get(path).send(), 504, "gateway-timeout");

        TestHttp.Response response = http().get(path).send();

        assertProblem(response, 503, "service-unavailable");
        assertThat(response.json().get("service").asString()).isEqualTo("ledger");
        assertThat(response.json().get("detail").asString()).contains("paused");
        assertThat(LEDGER.count(path)).as("the third call never reached the service").isEqualTo(2);
    }

    @Test
    void shouldServeEachServiceOpenApiDocumentFromItsOwnPathWithForwardedHeaders() {
        TestHttp.Response response = http().get("/v3/api-docs/registry").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("info").get("title").asString()).isEqualTo("registry");
        DownstreamStub.Seen seen = REGISTRY.requests().stream()
                .filter(request -> request.pathAndQuery().equals("/v3/api-docs")).reduce((first, last) -> last)
                .orElseThrow();
        assertThat(seen.header("X-Forwarded-Host")).as("so the service names the gateway in 'servers'")
                .isEqualTo("127.0.0.1:" + port);
        assertThat(seen.header("X-Forwarded-Prefix")).isNull();
    }

    @Test
    void shouldAnswerUnknownPathAndWrongMethodWithProblems() {
        assertProblem(http().get("/api/v1/nowhere/" + UUID.randomUUID()).send(), 404, "not-found");
        TestHttp.Response wrongMethod = http().post("/.well-known/jwks.json", "{}").send();
        assertProblem(wrongMethod, 405, "method-not-allowed");
        assertThat(wrongMethod.header("Allow")).contains("GET");
    }

    @Test
    void shouldCarryRateLimitAndTraceHeadersOnEveryApiAnswer() {
        for (TestHttp.Response response : List.of(
                http().get("/api/v1/registry/assets").send(),
                http().get("/api/v1/routing/zones").send(),
                http().get("/api/v1/nowhere").send(),
                http().post("/api/v1/auth/challenges", "{}").send())) {
            assertThat(response.header("RateLimit-Limit")).isEqualTo("100000");
            assertThat(Integer.parseInt(response.header("RateLimit-Remaining"))).isBetween(0, 99999);
            assertThat(Integer.parseInt(response.header("RateLimit-Reset"))).isBetween(1, 60);
            assertThat(response.header("X-Trace-Id")).matches("[0-9a-f]{32}");
        }
    }

    @Test
    void shouldAnswerCorsPreflightAndExposeRateLimitAndTraceHeaders() throws Exception {
        HttpResponse<String> preflight = preflight("http://localhost:5173");

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
                methods -> assertThat(methods).contains("POST"));

        TestHttp.Response actual = http().get("/api/v1/registry/assets").header("Origin", "http://localhost:5173").send();
        assertThat(actual.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:5173");
        assertThat(actual.header("Access-Control-Expose-Headers"))
                .contains("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "X-Trace-Id", "Retry-After");

        assertThat(preflight("https://evil.example").statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> preflight(String origin) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/registry/assets"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .timeout(Duration.ofSeconds(10))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A token signed with the gateway's real key, with claims a test chooses. */
    private String signWithGatewayKey(String issuer, String audience, Instant expiresAt) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(Ed25519.generate().identity().value())
                .claim("roles", List.of("client"))
                .issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(15))))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKeys.keyId()).build(), claims);
        jwt.sign(new RSASSASigner(signingKeys.signingKey()));
        return jwt.serialize();
    }
}
