package io.hypermesh.registry.asset;

import static io.hypermesh.registry.Fixtures.ASSETS;
import static io.hypermesh.registry.Fixtures.asset;
import static io.hypermesh.registry.Fixtures.assertProblem;
import static io.hypermesh.registry.Fixtures.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.registry.RegistryServiceTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** execution-service's read of a version to run: code included, the client's visibility applied, DEPLOYED only. */
class ExecutionSpecApiTest extends RegistryServiceTest {

    @Autowired
    JdbcClient jdbc;

    private final String owner = freshIdentity();
    private final String ownerToken = TOKENS.token(owner, "client");
    private final String serviceToken = TOKENS.token(freshIdentity(), "service");

    @Test
    void shouldGiveTheServiceADeployedVersionWithItsCode() {
        String id = create(asset("public", "FULL_PUBLIC"));
        TestDeployments.markDeployed(jdbc, id, 1);

        Response spec = http.get(spec(id, 1, freshIdentity())).bearer(serviceToken).send();

        assertThat(spec.status()).as(spec.body()).isEqualTo(200);
        assertThat(spec.json().path("code").asString()).startsWith("def main");
        assertThat(spec.json().path("owner").asString()).isEqualTo(owner);
        assertThat(spec.json().path("runtime").asString()).isEqualTo("python");
        assertThat(spec.json().path("resources").path("maxRuntimeSeconds").isNumber()).isTrue();
        assertThat(spec.json().path("deployment").path("blockHeight").asLong()).isEqualTo(42);
    }

    @Test
    void shouldHideAPrivateAssetFromAnotherClientButNotFromItsOwner() {
        String id = create(asset("secret", "PRIVATE"));
        TestDeployments.markDeployed(jdbc, id, 1);

        assertProblem(http.get(spec(id, 1, freshIdentity())).bearer(serviceToken).send(), 404, "asset-not-found");
        Response own = http.get(spec(id, 1, owner)).bearer(serviceToken).send();
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().path("code").asString()).startsWith("def main");
    }

    @Test
    void shouldRefuseADraftAsNotDeployed() {
        String id = create(asset("draft", "FULL_PUBLIC"));

        Response refused = http.get(spec(id, 1, owner)).bearer(serviceToken).send();

        assertProblem(refused, 409, "version-not-deployed");
        assertThat(refused.json().path("versionStatus").asString()).isEqualTo("DRAFT");
    }

    @Test
    void shouldServeOnlyServicesAndNameABadClient() {
        String id = create(asset("guarded", "FULL_PUBLIC"));
        TestDeployments.markDeployed(jdbc, id, 1);

        assertProblem(http.get(spec(id, 1, owner)).bearer(ownerToken).send(), 403, "forbidden");
        Response bad = http.get(spec(id, 1, "someone")).bearer(serviceToken).send();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(errorFields(bad)).containsExactly("client");
    }

    private static String spec(String id, int version, String client) {
        return ASSETS + "/" + id + "/versions/" + version + "/execution-spec?client=" + client;
    }

    private String create(Map<String, Object> body) {
        Response created = http.post(ASSETS, body).bearer(ownerToken).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }
}
