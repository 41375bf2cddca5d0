package io.hypermesh.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ServiceFoundationTest extends LedgerServiceTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldApplyEveryMigrationToItsOwnSchema() {
        Integer failed = jdbc.sql("select count(*) from ledger.flyway_schema_history where not success").query(Integer.class).single();
        Integer applied = jdbc.sql("select count(*) from ledger.flyway_schema_history where success").query(Integer.class).single();
        assertThat(failed).isZero();
        assertThat(applied).isPositive();
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("hm_ledger");
        assertThat(jdbc.sql("select count(*) from information_schema.tables where table_schema = 'ledger' and table_name = 'blocks'")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void shouldServeTheOpenApiDocumentWithBearerSchemeAndProblemSchema() {
        Response response = http.get("/v3/api-docs").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("openapi").asString()).startsWith("3.1");
        assertThat(response.json().path("info").path("title").asString()).isEqualTo("HyperMesh ledger service");
        assertThat(response.json().path("components").path("securitySchemes").path("bearer").path("scheme").asString()).isEqualTo("bearer");
        assertThat(response.json().path("components").path("schemas").has("ProblemDetail")).isTrue();
        assertThat(response.json().path("paths").has("/api/v1/ledger/blocks")).isTrue();
        assertThat(response.json().path("paths").has("/api/v1/ledger/blocks/head")).isTrue();
        assertThat(response.json().path("paths").has("/api/v1/ledger/verify")).isTrue();
        assertThat(response.json().path("paths").path("/api/v1/ledger/blocks").path("post").path("security").toString()).contains("bearer");
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
    void shouldRefuseAnAppendWithoutTokenAsProblem() {
        Response response = http.post("/api/v1/ledger/blocks", Map.of("type", "DEPLOYMENT")).send();

        assertProblem(response, 401, "unauthorized");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void shouldRefuseExpiredAndForgedTokens() {
        String subject = freshIdentity();
        assertProblem(http.post("/api/v1/ledger/blocks", Map.of()).bearer(TOKENS.expiredToken(subject, "service")).send(), 401, "unauthorized");
        assertProblem(http.post("/api/v1/ledger/blocks", Map.of()).bearer(TOKENS.forgedToken(subject, "service")).send(), 401, "unauthorized");
    }

    @Test
    void shouldLetAnyoneReadWithoutAToken() {
        assertThat(http.get("/api/v1/ledger/blocks/head").send().status()).isEqualTo(200);
        assertThat(http.get("/api/v1/ledger/blocks/0").send().status()).isEqualTo(200);
        assertThat(http.get("/api/v1/ledger/blocks").send().status()).isEqualTo(200);
        assertThat(http.get("/api/v1/ledger/verify?from=0&to=0").send().status()).isEqualTo(200);
    }

    @Test
    void shouldAnswerUnknownPathsWrongMethodsAndMediaTypesAsProblems() {
        String service = serviceToken();
        assertProblem(http.get("/api/v1/ledger/no-such-thing").bearer(service).send(), 404, "not-found");
        assertProblem(http.delete("/api/v1/ledger/blocks").bearer(service).send(), 405, "method-not-allowed");
        assertProblem(http.post("/api/v1/ledger/blocks", "type=x").header("Content-Type", "text/plain").bearer(service).send(),
                415, "unsupported-media-type");
        assertProblem(http.post("/api/v1/ledger/blocks", "{\"type\": ").bearer(service).send(), 400, "malformed-body");
    }
}
