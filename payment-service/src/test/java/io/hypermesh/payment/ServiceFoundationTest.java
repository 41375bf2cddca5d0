package io.hypermesh.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.ServiceContract;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ServiceFoundationTest extends PaymentServiceTest {

    @Autowired
    DataSource dataSource;

    private ServiceContract contract() {
        return new ServiceContract(http, "payment", "HyperMesh payment service", "/api/v1/payments/mints", "operator");
    }

    @Test
    void shouldApplyEveryMigrationToItsOwnSchemaAsItsOwnRole() throws SQLException {
        contract().assertMigrationsAppliedByItsOwnRole(dataSource);
    }

    @Test
    void shouldServeTheOpenApiDocumentWithBearerSchemeAndProblemSchema() {
        var paths = contract().assertOpenApiServed().path("paths");
        assertThat(paths.has("/api/v1/payments/transfers")).isTrue();
        assertThat(paths.has("/api/v1/payments/accounts/{identity}")).isTrue();
        JsonNode transfer = paths.path("/api/v1/payments/transfers").path("post");
        assertThat(transfer.path("parameters").findValuesAsString("name")).containsExactly("Idempotency-Key");
        assertThat(transfer.path("parameters").get(0).path("required").asBoolean()).isTrue();
        assertThat(transfer.path("responses").path("201").path("content").path("application/json").path("schema").path("$ref").asString())
                .endsWith("/EntryResponse");
        assertThat(transfer.path("security").toString()).contains("bearer");
    }

    @Test
    void shouldReportLivenessReadinessAndMetrics() {
        contract().assertProbesAndMetrics();
    }

    @Test
    void shouldRefuseAWriteWithoutTokenAsProblem() {
        contract().assertWriteWithoutTokenRefused(Map.of("to", freshIdentity(), "amount", 1));
    }

    @Test
    void shouldRefuseExpiredAndForgedTokens() {
        contract().assertExpiredAndForgedTokensRefused(TOKENS);
    }

    @Test
    void shouldAnswerUnknownPathsWrongMethodsAndMediaTypesAsProblems() {
        contract().assertSpringRefusalsAreProblems(TOKENS, "/api/v1/payments/no-such-thing");
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
                "/api/v1/payments/rate-cards/{version}", "/api/v1/payments/quotes", "/api/v1/payments/quotes/{id}",
                "/api/v1/payments/escrows", "/api/v1/payments/escrows/{id}", "/api/v1/payments/escrows/{id}/settlements",
                "/api/v1/payments/escrows/{id}/releases");
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
    void shouldDocumentTheEscrowRequestsWithExamples() {
        JsonNode schemas = http.get("/v3/api-docs").send().json().path("components").path("schemas");

        assertThat(schemas.path("HoldRequest").path("example").path("quoteId").isString()).isTrue();
        assertThat(schemas.path("SettleRequest").path("example").path("hosts").path(0).path("usage").path("cpuCoreSeconds").asLong())
                .isEqualTo(120);
        assertThat(schemas.path("ReleaseRequest").path("example").path("reason").isString()).isTrue();
        assertThat(schemas.path("MeteredUsage").path("example").path("memoryMbSeconds").asLong()).isEqualTo(122_880);
    }

    @Test
    void shouldPublishTheSupplyGauges() {
        assertThat(http.get("/actuator/prometheus").send().body())
                .contains("payment_supply_minted_microcaes").contains("payment_supply_held_microcaes");
    }

    @Test
    void shouldRefuseTokensWithoutExpiryOrWithTooLongALifetime() {
        contract().assertTokensWithoutExpiryOrTooLongLifetimeRefused(TOKENS);
    }

    @Test
    void shouldApplyTheSharedInputGuards() {
        contract().assertInputGuards(TOKENS, 1024 * 1024);
    }
}
