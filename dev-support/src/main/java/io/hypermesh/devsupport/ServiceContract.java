package io.hypermesh.devsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.protocol.Ed25519;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import tools.jackson.databind.JsonNode;

/**
 * What every HyperMesh service promises, checked the same way for each: its migrations applied by its
 * own role, its OpenAPI document, its probes and metrics, and Problem Details for the refusals Spring and
 * Spring Security make (401, 404, 405, 415, malformed JSON).
 *
 * @param writePath a POST endpoint that needs a token
 * @param writeRole a role that may call it
 */
public record ServiceContract(TestHttp http, String schema, String title, String writePath, String writeRole) {

    public static final String PROBLEM_BASE = "https://hypermesh.io/problems/";

    public void assertMigrationsAppliedByItsOwnRole(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThat(single(statement, "select count(*) from " + schema + ".flyway_schema_history where success")).isNotEqualTo("0");
            assertThat(single(statement, "select count(*) from " + schema + ".flyway_schema_history where not success")).isEqualTo("0");
            assertThat(single(statement, "select current_user")).isEqualTo("hm_" + schema);
        }
    }

    /** Checks the shared parts of the OpenAPI document and returns it for the service's own checks. */
    public JsonNode assertOpenApiServed() {
        Response response = http.get("/v3/api-docs").send();
        assertThat(response.status()).isEqualTo(200);
        JsonNode document = response.json();
        assertThat(document.path("openapi").asString()).startsWith("3.1");
        assertThat(document.path("info").path("title").asString()).isEqualTo(title);
        assertThat(document.path("info").path("description").asString()).isNotBlank();
        assertThat(document.path("components").path("securitySchemes").path("bearer").path("scheme").asString()).isEqualTo("bearer");
        assertThat(document.path("components").path("schemas").has("ProblemDetail")).isTrue();
        return document;
    }

    public void assertProbesAndMetrics() {
        assertThat(http.get("/actuator/health/liveness").send().json().path("status").asString()).isEqualTo("UP");
        Response readiness = http.get("/actuator/health/readiness").send();
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().path("status").asString()).isEqualTo("UP");
        assertThat(http.get("/actuator/prometheus").send().body()).contains("jvm_memory_used_bytes");
    }

    public void assertWriteWithoutTokenRefused(Object body) {
        Response response = http.post(writePath, body).send();
        assertProblem(response, 401, "unauthorized");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    public void assertExpiredAndForgedTokensRefused(TestTokenIssuer tokens) {
        String subject = Ed25519.generate().identity().value();
        assertProblem(http.post(writePath, Map.of()).bearer(tokens.expiredToken(subject, writeRole)).send(), 401, "unauthorized");
        assertProblem(http.post(writePath, Map.of()).bearer(tokens.forgedToken(subject, writeRole)).send(), 401, "unauthorized");
    }

    /** 404, 405, 415 and malformed JSON, each as Problem Details with its stable type. */
    public void assertSpringRefusalsAreProblems(TestTokenIssuer tokens, String unknownPath) {
        String token = tokens.token(Ed25519.generate().identity().value(), writeRole);
        assertProblem(http.get(unknownPath).bearer(token).send(), 404, "not-found");
        assertProblem(http.delete(writePath).bearer(token).send(), 405, "method-not-allowed");
        assertProblem(http.post(writePath, "x=1").header("Content-Type", "text/plain").bearer(token).send(), 415, "unsupported-media-type");
        assertProblem(http.post(writePath, "{\"x\": ").bearer(token).send(), 400, "malformed-body");
    }

    /** A token without {@code exp}, or one issued to live longer than a day, is refused like a forged one. */
    public void assertTokensWithoutExpiryOrTooLongLifetimeRefused(TestTokenIssuer tokens) {
        String subject = Ed25519.generate().identity().value();
        assertProblem(http.post(writePath, Map.of()).bearer(tokens.tokenWithoutExpiry(subject, writeRole)).send(), 401, "unauthorized");
        assertProblem(http.post(writePath, Map.of()).bearer(tokens.longLivedToken(Duration.ofDays(30), subject, writeRole)).send(),
                401, "unauthorized");
    }

    /**
     * The shared input rules, checked the same way in every service: an oversized body is 413 before anything
     * reads it, a NUL in a query parameter is a 400 naming it, an unknown path
     * says so in our words (with {@code instance}), and a 403 names the role the operation needs.
     */
    public void assertInputGuards(TestTokenIssuer tokens, long bodyLimitBytes) {
        String token = tokens.token(Ed25519.generate().identity().value(), writeRole);
        String oversized = "{\"x\": \"" + "a".repeat((int) bodyLimitBytes) + "\"}";
        Response tooLarge = http.post(writePath, oversized).bearer(token).send();
        assertProblem(tooLarge, 413, "payload-too-large");
        assertThat(tooLarge.json().path("limitBytes").asLong()).isEqualTo(bodyLimitBytes);

        Response nul = http.get(writePath + "?q=a%00b").bearer(token).send();
        assertProblem(nul, 400, "validation");
        assertThat(nul.json().path("errors").get(0).path("field").asString()).isEqualTo("q");
        assertThat(nul.json().path("errors").get(0).path("message").asString()).contains("NUL");

        Response unknown = http.get("/api/v1/no-such-thing").bearer(token).send();
        assertProblem(unknown, 404, "not-found");
        assertThat(unknown.body()).doesNotContain("static resource");
        assertThat(unknown.json().path("instance").asString()).isEqualTo("/api/v1/no-such-thing");

        Response missingToken = http.post(writePath, Map.of()).send();
        assertThat(missingToken.json().path("instance").asString()).isEqualTo(writePath);

        Response wrongRole = http.post(writePath, Map.of()).bearer(tokens.token(Ed25519.generate().identity().value(), "visitor")).send();
        assertProblem(wrongRole, 403, "forbidden");
        assertThat(wrongRole.json().path("detail").asString()).contains(writeRole);
    }

    /** An RFC 9457 answer with the given status and type, and nothing internal in it. */
    public static void assertProblem(Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).as(response.body()).isEqualTo(PROBLEM_BASE + type);
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
