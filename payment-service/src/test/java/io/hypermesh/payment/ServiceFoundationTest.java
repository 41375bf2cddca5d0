package io.hypermesh.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp.Response;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ServiceFoundationTest extends PaymentServiceTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldApplyEveryMigrationToItsOwnSchema() {
        Integer failed = jdbc.sql("select count(*) from payment.flyway_schema_history where not success").query(Integer.class).single();
        Integer applied = jdbc.sql("select count(*) from payment.flyway_schema_history where success").query(Integer.class).single();
        assertThat(failed).isZero();
        assertThat(applied).isPositive();
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("hm_payment");
    }

    @Test
    void shouldServeTheOpenApiDocumentWithBearerSchemeAndProblemSchema() {
        Response response = http.get("/v3/api-docs").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("openapi").asString()).startsWith("3.1");
        assertThat(response.json().path("info").path("title").asString()).isEqualTo("HyperMesh payment service");
        assertThat(response.json().path("components").path("securitySchemes").path("bearer").path("scheme").asString()).isEqualTo("bearer");
        assertThat(response.json().path("components").path("schemas").has("ProblemDetail")).isTrue();
        assertThat(response.json().path("paths").has("/api/v1/payments/transfers")).isTrue();
        assertThat(response.json().path("paths").has("/api/v1/payments/accounts/{identity}")).isTrue();
        JsonNode transfer = response.json().path("paths").path("/api/v1/payments/transfers").path("post");
        assertThat(transfer.path("parameters").findValuesAsString("name")).containsExactly("Idempotency-Key");
        assertThat(transfer.path("parameters").get(0).path("required").asBoolean()).isTrue();
        assertThat(transfer.path("responses").path("201").path("content").path("application/json").path("schema").path("$ref").asString())
                .endsWith("/EntryResponse");
        assertThat(transfer.path("security").toString()).contains("bearer");
    }

    @Test
    void shouldDocumentEveryOperationWithItsSecurityAndEveryPostWithItsIdempotencyKey() {
        JsonNode paths = http.get("/v3/api-docs").send().json().path("paths");

        assertThat(paths.propertyNames()).containsExactlyInAnyOrder(
                "/api/v1/payments/accounts/{identity}", "/api/v1/payments/accounts/{identity}/entries",
                "/api/v1/payments/entries/{id}", "/api/v1/payments/supply", "/api/v1/payments/mints",
                "/api/v1/payments/transfers", "/api/v1/payments/stakes", "/api/v1/payments/stakes/unlocks",
                "/api/v1/payments/stakes/{identity}", "/api/v1/payments/stakes/{identity}/slashes",
                "/api/v1/payments/stakes/{identity}/slashes/{id}", "/api/v1/payments/rate-cards/current",
                "/api/v1/payments/rate-cards/{version}", "/api/v1/payments/quotes", "/api/v1/payments/quotes/{id}");
        for (String path : paths.propertyNames()) {
            JsonNode post = paths.path(path).path("post");
            if (!post.isMissingNode()) {
                assertThat(post.path("parameters").findValuesAsString("name")).as(path).contains("Idempotency-Key");
                assertThat(post.path("security").toString()).as(path).contains("bearer");
            }
        }
        assertThat(paths.path("/api/v1/payments/supply").path("get").path("security").isMissingNode()).isTrue();
        assertThat(paths.path("/api/v1/payments/accounts/{identity}").path("get").path("security").toString()).contains("bearer");
    }

    @Test
    void shouldReportLivenessReadinessAndMetrics() {
        assertThat(http.get("/actuator/health/liveness").send().json().path("status").asString()).isEqualTo("UP");
        Response readiness = http.get("/actuator/health/readiness").send();
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().path("status").asString()).isEqualTo("UP");
        assertThat(http.get("/actuator/prometheus").send().body()).contains("jvm_memory_used_bytes")
                .contains("payment_supply_minted_microcaes").contains("payment_supply_held_microcaes");
    }

    @Test
    void shouldRefuseAWriteWithoutTokenAsProblem() {
        Response response = http.post("/api/v1/payments/transfers", Map.of("to", freshIdentity(), "amount", 1)).send();

        assertProblem(response, 401, "unauthorized");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void shouldRefuseExpiredAndForgedTokens() {
        String subject = freshIdentity();
        assertProblem(http.post("/api/v1/payments/mints", Map.of()).bearer(TOKENS.expiredToken(subject, "operator")).send(), 401, "unauthorized");
        assertProblem(http.post("/api/v1/payments/mints", Map.of()).bearer(TOKENS.forgedToken(subject, "operator")).send(), 401, "unauthorized");
    }

    @Test
    void shouldAnswerUnknownPathsWrongMethodsAndMediaTypesAsProblems() {
        String operator = TOKENS.token(freshIdentity(), "operator");
        assertProblem(http.get("/api/v1/payments/no-such-thing").bearer(operator).send(), 404, "not-found");
        assertProblem(http.delete("/api/v1/payments/transfers").bearer(operator).send(), 405, "method-not-allowed");
        assertProblem(http.post("/api/v1/payments/mints", "amount=1").header("Content-Type", "text/plain").bearer(operator).send(),
                415, "unsupported-media-type");
        assertProblem(http.post("/api/v1/payments/mints", "{\"amount\": ").bearer(operator).send(), 400, "malformed-body");
    }
}
