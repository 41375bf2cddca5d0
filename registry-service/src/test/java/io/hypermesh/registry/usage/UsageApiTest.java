package io.hypermesh.registry.usage;

import static io.hypermesh.registry.Fixtures.ASSETS;
import static io.hypermesh.registry.Fixtures.assertProblem;
import static io.hypermesh.registry.Fixtures.asset;
import static io.hypermesh.registry.Fixtures.errorFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.registry.RegistryServiceTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UsageApiTest extends RegistryServiceTest {

    private static final String EXECUTIONS = "/api/v1/registry/executions";

    private final String ownerToken = TOKENS.token(freshIdentity(), "client");
    private final String otherToken = TOKENS.token(freshIdentity(), "client");
    private final String serviceToken = TOKENS.token("execution-service", "service");

    @Test
    void shouldSumReportedExecutionsPerVersionAndPerAsset() {
        String id = create(asset("measured", "FULL_PUBLIC"));
        retireAndMakeVersionTwo(id);

        assertThat(report(execution(id, 1, true, 100)).status()).isEqualTo(201);
        assertThat(report(execution(id, 1, false, 300)).status()).isEqualTo(201);
        assertThat(report(execution(id, 2, true, 50)).status()).isEqualTo(201);

        Response asset = http.get(ASSETS + "/" + id + "/usage").bearer(otherToken).send();
        assertThat(asset.status()).as(asset.body()).isEqualTo(200);
        assertThat(asset.json().path("executions").asLong()).isEqualTo(3);
        assertThat(asset.json().path("successes").asLong()).isEqualTo(2);
        assertThat(asset.json().path("successRate").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(asset.json().path("meanDurationMs").asDouble()).isCloseTo(150.0, within(1e-9));
        assertThat(asset.json().path("versions")).hasSize(2);

        Response first = http.get(ASSETS + "/" + id + "/versions/1/usage").bearer(otherToken).send();
        assertThat(first.json().path("version").asInt()).isEqualTo(1);
        assertThat(first.json().path("executions").asLong()).isEqualTo(2);
        assertThat(first.json().path("successRate").asDouble()).isEqualTo(0.5);
        assertThat(first.json().path("meanDurationMs").asDouble()).isEqualTo(200.0);
    }

    @Test
    void shouldCountAnExecutionOnceHoweverOftenItIsReported() {
        String id = create(asset("retried", "PRIVATE"));
        Map<String, Object> report = execution(id, 1, true, 80);

        assertThat(report(report).status()).isEqualTo(201);
        assertThat(report(report).status()).isEqualTo(200);
        Map<String, Object> different = Map.of("executionId", report.get("executionId"), "assetId", id, "version", 1,
                "success", false, "durationMs", 80);
        assertProblem(report(different), 409, "execution-report-conflict");

        Response usage = http.get(ASSETS + "/" + id + "/usage").bearer(ownerToken).send();
        assertThat(usage.json().path("executions").asLong()).isEqualTo(1);
        assertThat(usage.json().path("successes").asLong()).isEqualTo(1);
    }

    @Test
    void shouldAnswerNullRatesBeforeTheFirstExecution() {
        String id = create(asset("unused", "FULL_PUBLIC"));

        Response usage = http.get(ASSETS + "/" + id + "/versions/1/usage").bearer(ownerToken).send();

        assertThat(usage.json().path("executions").asLong()).isZero();
        assertThat(usage.json().path("successRate").isNull()).isTrue();
        assertThat(usage.json().path("meanDurationMs").isNull()).isTrue();
    }

    @Test
    void shouldShowUsageOnlyToWhoeverMaySeeTheAsset() {
        String id = create(asset("secret", "PRIVATE"));
        report(execution(id, 1, true, 10));

        assertThat(http.get(ASSETS + "/" + id + "/usage").bearer(ownerToken).send().status()).isEqualTo(200);
        assertProblem(http.get(ASSETS + "/" + id + "/usage").bearer(otherToken).send(), 404, "asset-not-found");
        assertProblem(http.get(ASSETS + "/" + id + "/versions/1/usage").bearer(otherToken).send(), 404, "asset-not-found");
        assertProblem(http.get(ASSETS + "/" + id + "/versions/9/usage").bearer(ownerToken).send(), 404, "version-not-found");
    }

    @Test
    void shouldAcceptReportsOnlyFromServicesAboutVersionsThatExist() {
        String id = create(asset("reported", "FULL_PUBLIC"));

        assertProblem(http.post(EXECUTIONS, execution(id, 1, true, 10)).bearer(ownerToken).send(), 403, "forbidden");
        Response unknown = report(execution(id, 5, true, 10));
        assertProblem(unknown, 422, "unknown-asset-version");
        assertThat(errorFields(unknown)).containsExactly("assetId", "version");
        assertProblem(report(execution(UUID.randomUUID().toString(), 1, true, 10)), 422, "unknown-asset-version");
    }

    @Test
    void shouldNameEveryInvalidReportField() {
        Map<String, Object> invalid = Map.of("executionId", " bad id", "assetId", "nope", "version", 0, "durationMs", -1);

        Response response = report(invalid);

        assertProblem(response, 400, "validation");
        assertThat(errorFields(response)).containsExactlyInAnyOrder("executionId", "assetId", "version", "success", "durationMs");
    }

    private Response report(Map<String, Object> body) {
        return http.post(EXECUTIONS, body).bearer(serviceToken).send();
    }

    private static Map<String, Object> execution(String assetId, int version, boolean success, long durationMs) {
        return Map.of("executionId", "exec-" + UUID.randomUUID(), "assetId", assetId, "version", version,
                "success", success, "durationMs", durationMs);
    }

    private void retireAndMakeVersionTwo(String id) {
        assertThat(http.post(ASSETS + "/" + id + "/versions/1/retire", null).bearer(ownerToken).send().status()).isEqualTo(200);
        assertThat(http.post(ASSETS + "/" + id + "/versions", asset("measured", "FULL_PUBLIC")).bearer(ownerToken).send().status())
                .isEqualTo(201);
    }

    private String create(Map<String, Object> body) {
        Response created = http.post(ASSETS, body).bearer(ownerToken).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }
}
