package io.hypermesh.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What operators and API users see around the API: OpenAPI, Swagger UI, health probes, metrics. */
class PlatformEndpointsTest extends GatewayIntegrationTest {

    @Test
    void shouldDescribeItsOwnApiWithBearerSchemeAndProblemDetailSchema() {
        TestHttp.Response response = http().get("/v3/api-docs").send();

        assertThat(response.status()).isEqualTo(200);
        JsonNode document = response.json();
        assertThat(document.get("info").get("title").asString()).isEqualTo("HyperMesh Gateway");
        assertThat(document.get("info").get("version").asString()).isEqualTo("v1");
        assertThat(document.get("info").get("description").asString()).contains("Ed25519");
        assertThat(document.get("paths").has("/api/v1/auth/challenges")).isTrue();
        assertThat(document.get("paths").has("/api/v1/auth/tokens")).isTrue();
        assertThat(document.get("paths").has("/.well-known/jwks.json")).isTrue();
        JsonNode bearer = document.get("components").get("securitySchemes").get("bearer-jwt");
        assertThat(bearer.get("scheme").asString()).isEqualTo("bearer");
        assertThat(bearer.get("bearerFormat").asString()).isEqualTo("JWT");
        assertThat(document.get("components").get("schemas").has("ProblemDetail")).isTrue();
    }

    @Test
    void shouldListTheGatewayAndEveryServiceInSwaggerUi() {
        TestHttp.Response config = http().get("/v3/api-docs/swagger-config").send();

        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().get("urls").values()).extracting(url -> url.get("url").asString())
                .containsExactlyInAnyOrder("/v3/api-docs", "/v3/api-docs/registry", "/v3/api-docs/execution",
                        "/v3/api-docs/routing", "/v3/api-docs/payment", "/v3/api-docs/ledger");
        assertThat(config.json().get("urls.primaryName").asString()).as("the gateway's own document opens first")
                .isEqualTo("gateway");

        TestHttp.Response page = http().get("/swagger-ui/index.html").send();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        assertThat(http().get("/swagger-ui.html").send().status()).isIn(200, 302);
    }

    @Test
    void shouldReportLivenessAndReadinessIncludingTheDatabase() {
        TestHttp.Response liveness = http().get("/actuator/health/liveness").send();
        TestHttp.Response readiness = http().get("/actuator/health/readiness").send();

        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().get("status").asString()).isEqualTo("UP");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void shouldExposePrometheusMetricsIncludingCircuitBreakers() {
        http().get("/api/v1/registry/warm-up").send();

        TestHttp.Response metrics = http().get("/actuator/prometheus").send();

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds").contains("resilience4j_circuitbreaker_state");
    }
}
