package io.hypermesh.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ServiceFoundationTest extends ExecutionServiceTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldApplyEveryMigrationToItsOwnSchema() {
        Integer failed = jdbc.sql("select count(*) from execution.flyway_schema_history where not success").query(Integer.class).single();
        Integer applied = jdbc.sql("select count(*) from execution.flyway_schema_history where success").query(Integer.class).single();
        assertThat(failed).isZero();
        assertThat(applied).isPositive();
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("hm_execution");
    }

    @Test
    void shouldServeTheOpenApiDocumentWithBearerSchemeAndProblemSchema() {
        Response response = http.get("/v3/api-docs").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("openapi").asString()).startsWith("3.1");
        assertThat(response.json().path("info").path("title").asString()).isEqualTo("HyperMesh execution service");
        assertThat(response.json().path("components").path("securitySchemes").path("bearer").path("scheme").asString()).isEqualTo("bearer");
        assertThat(response.json().path("components").path("schemas").has("ProblemDetail")).isTrue();
        assertThat(response.json().path("paths").has("/api/v1/hosts")).isTrue();
    }

    @Test
    void shouldReportLivenessReadinessAndMetrics() {
        assertThat(http.get("/actuator/health/liveness").send().json().path("status").asString()).isEqualTo("UP");
        Response readiness = http.get("/actuator/health/readiness").send();
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().path("status").asString()).isEqualTo("UP");
        assertThat(http.get("/actuator/prometheus").send().body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void shouldRefuseAWriteWithoutTokenAsProblem() {
        Response response = http.post("/api/v1/hosts", Map.of("name", "nowhere")).send();

        assertProblem(response, 401, "unauthorized");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void shouldRefuseExpiredAndForgedTokens() {
        String subject = freshIdentity();
        assertProblem(http.post("/api/v1/hosts", Map.of()).bearer(TOKENS.expiredToken(subject, "host")).send(), 401, "unauthorized");
        assertProblem(http.post("/api/v1/hosts", Map.of()).bearer(TOKENS.forgedToken(subject, "host")).send(), 401, "unauthorized");
    }

    @Test
    void shouldAnswerUnknownPathsWrongMethodsAndMediaTypesAsProblems() {
        String host = TOKENS.token(freshIdentity(), "host");
        assertProblem(http.get("/api/v1/no-such-thing").bearer(host).send(), 404, "not-found");
        assertProblem(http.delete("/api/v1/hosts").bearer(host).send(), 405, "method-not-allowed");
        assertProblem(http.post("/api/v1/hosts", "name=x").header("Content-Type", "text/plain").bearer(host).send(),
                415, "unsupported-media-type");
        assertProblem(http.post("/api/v1/hosts", "{\"name\": ").bearer(host).send(), 400, "malformed-body");
    }

    static void assertProblem(Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).as(response.body()).isEqualTo("https://hypermesh.io/problems/" + type);
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
