package io.hypermesh.registry.asset;

import static io.hypermesh.registry.Fixtures.ASSETS;
import static io.hypermesh.registry.Fixtures.assertProblem;
import static io.hypermesh.registry.Fixtures.asset;
import static io.hypermesh.registry.Fixtures.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.registry.RegistryServiceTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class DependencyApiTest extends RegistryServiceTest {

    @Autowired
    JdbcClient jdbc;

    private final String owner = freshIdentity();
    private final String ownerToken = TOKENS.token(owner, "client");
    private final String other = freshIdentity();
    private final String otherToken = TOKENS.token(other, "client");

    @Test
    void shouldStoreDependenciesAtExactVersionsAndServeTheDirectAndTransitiveGraph() {
        String base = create(ownerToken, asset("base", "FULL_PUBLIC"));
        String middle = create(ownerToken, withDependencies(asset("middle", "FULL_PUBLIC"), base, 1));
        String top = create(ownerToken, withDependencies(asset("top", "FULL_PUBLIC"), middle, 1, base, 1));

        Response fetched = http.get(ASSETS + "/" + top).bearer(otherToken).send();
        assertThat(fetched.json().path("dependencies").findValuesAsString("assetId")).containsExactly(middle, base);

        Response direct = http.get(ASSETS + "/" + top + "/versions/1/dependencies?depth=1").bearer(otherToken).send();
        assertThat(direct.status()).as(direct.body()).isEqualTo(200);
        assertThat(nodes(direct)).containsExactlyInAnyOrder(middle + "@1 depth 1", base + "@1 depth 1");

        Response transitive = http.get(ASSETS + "/" + top + "/versions/1/dependencies").bearer(otherToken).send();
        assertThat(nodes(transitive)).containsExactlyInAnyOrder(middle + "@1 depth 1", base + "@1 depth 1");
        assertThat(transitive.json().path("edges")).hasSize(3);
        assertThat(transitive.json().path("maxDepth").asInt()).isEqualTo(20);

        Response fromMiddle = http.get(ASSETS + "/" + middle + "/versions/1/dependencies").bearer(otherToken).send();
        assertThat(nodes(fromMiddle)).containsExactly(base + "@1 depth 1");
        assertThat(fromMiddle.json().path("nodes").get(0).path("name").asString()).isEqualTo("base");
    }

    @Test
    void shouldFollowAChainOnlyAsDeepAsAsked() {
        String a = create(ownerToken, asset("a", "FULL_PUBLIC"));
        String b = create(ownerToken, withDependencies(asset("b", "FULL_PUBLIC"), a, 1));
        String c = create(ownerToken, withDependencies(asset("c", "FULL_PUBLIC"), b, 1));
        String d = create(ownerToken, withDependencies(asset("d", "FULL_PUBLIC"), c, 1));

        assertThat(nodes(http.get(ASSETS + "/" + d + "/versions/1/dependencies?depth=2").bearer(ownerToken).send()))
                .containsExactly(c + "@1 depth 1", b + "@1 depth 2");
        assertThat(nodes(http.get(ASSETS + "/" + d + "/versions/1/dependencies?depth=3").bearer(ownerToken).send()))
                .containsExactly(c + "@1 depth 1", b + "@1 depth 2", a + "@1 depth 3");
        Response tooDeep = http.get(ASSETS + "/" + d + "/versions/1/dependencies?depth=21").bearer(ownerToken).send();
        assertProblem(tooDeep, 400, "validation");
        assertThat(errorFields(tooDeep)).containsExactly("depth");
    }

    @Test
    void shouldRefuseAnEditThatClosesACycleNamingThePath() {
        String a = create(ownerToken, asset("a", "PRIVATE"));
        Response b = http.post(ASSETS, withDependencies(asset("b", "PRIVATE"), a, 1)).bearer(ownerToken).send();
        String bId = b.json().path("id").asString();
        String c = create(ownerToken, withDependencies(asset("c", "PRIVATE"), bId, 1));
        String aEtag = http.get(ASSETS + "/" + a).bearer(ownerToken).send().header("ETag");

        Response cycle = http.put(ASSETS + "/" + a, withDependencies(asset("a", "PRIVATE"), c, 1))
                .header("If-Match", aEtag).bearer(ownerToken).send();

        assertProblem(cycle, 409, "dependency-cycle");
        assertThat(cycle.json().path("cycle").values().stream().map(JsonNode::asString).toList())
                .containsExactly(a + "@1", c + "@1", bId + "@1", a + "@1");
        assertThat(cycle.json().path("detail").asString()).contains(a + "@1 -> " + c + "@1 -> " + bId + "@1 -> " + a + "@1");
        assertThat(errorFields(cycle)).containsExactly("dependencies");
        // Nothing was written: a still depends on nothing.
        assertThat(http.get(ASSETS + "/" + a).bearer(ownerToken).send().json().path("dependencies")).isEmpty();
    }

    @Test
    void shouldRefuseADraftThatDependsOnItself() {
        String a = create(ownerToken, asset("selfish", "PRIVATE"));
        String etag = http.get(ASSETS + "/" + a).bearer(ownerToken).send().header("ETag");

        Response cycle = http.put(ASSETS + "/" + a, withDependencies(asset("selfish", "PRIVATE"), a, 1))
                .header("If-Match", etag).bearer(ownerToken).send();

        assertProblem(cycle, 409, "dependency-cycle");
        assertThat(cycle.json().path("cycle").values().stream().map(JsonNode::asString).toList())
                .containsExactly(a + "@1", a + "@1");
    }

    @Test
    void shouldLetANewVersionDependOnAnOlderVersionOfTheSameAsset() {
        String a = create(ownerToken, asset("evolving", "PRIVATE"));
        TestDeployments.markDeployed(jdbc, a, 1);

        Response two = http.post(ASSETS + "/" + a + "/versions", withDependencies(asset("evolving", "PRIVATE"), a, 1))
                .bearer(ownerToken).send();

        assertThat(two.status()).as(two.body()).isEqualTo(201);
        assertThat(nodes(http.get(ASSETS + "/" + a + "/versions/2/dependencies").bearer(ownerToken).send()))
                .containsExactly(a + "@1 depth 1");
    }

    @Test
    void shouldRefuseDependenciesThatDoNotExistOrThatTheOwnerMayNotSee() {
        String hidden = create(otherToken, asset("someone-elses", "PRIVATE"));
        String visible = create(otherToken, asset("public", "FULL_PUBLIC"));

        Response unseen = http.post(ASSETS, withDependencies(asset("x", "PRIVATE"), visible, 1, hidden, 1)).bearer(ownerToken).send();
        assertProblem(unseen, 422, "dependency-not-found");
        assertThat(errorFields(unseen)).containsExactly("dependencies[1]");

        Response missingVersion = http.post(ASSETS, withDependencies(asset("x", "PRIVATE"), visible, 2)).bearer(ownerToken).send();
        assertProblem(missingVersion, 422, "dependency-not-found");
        assertThat(missingVersion.json().path("detail").asString())
                .isEqualTo(unseenDetail(visible, 2));
        Response missingAsset = http.post(ASSETS, withDependencies(asset("x", "PRIVATE"), UUID.randomUUID().toString(), 1))
                .bearer(ownerToken).send();
        assertProblem(missingAsset, 422, "dependency-not-found");

        Map<String, Object> malformed = asset("x", "PRIVATE");
        malformed.put("dependencies", List.of(Map.of("assetId", "nope", "version", 0)));
        Response invalid = http.post(ASSETS, malformed).bearer(ownerToken).send();
        assertProblem(invalid, 400, "validation");
        assertThat(errorFields(invalid)).containsExactlyInAnyOrder("dependencies[0].assetId", "dependencies[0].version");
    }

    @Test
    void shouldLeaveOutOfTheGraphWhatTheCallerMayNotSee() {
        String secret = create(ownerToken, asset("secret-lib", "PRIVATE"));
        String open = create(ownerToken, asset("open-lib", "FULL_PUBLIC"));
        String app = create(ownerToken, withDependencies(asset("app", "FULL_PUBLIC"), secret, 1, open, 1));

        assertThat(nodes(http.get(ASSETS + "/" + app + "/versions/1/dependencies").bearer(ownerToken).send()))
                .containsExactlyInAnyOrder(secret + "@1 depth 1", open + "@1 depth 1");
        Response asOther = http.get(ASSETS + "/" + app + "/versions/1/dependencies").bearer(otherToken).send();
        assertThat(nodes(asOther)).containsExactly(open + "@1 depth 1");
        assertThat(asOther.body()).doesNotContain(secret);
        // The asset's own dependency list shows what it depends on only to whoever may see that too.
        assertThat(http.get(ASSETS + "/" + app).bearer(otherToken).send().body()).doesNotContain(secret);
    }

    private static String unseenDetail(String id, int version) {
        return "There is no version " + version + " of asset '" + id + "' visible to you.";
    }

    private String create(String token, Map<String, Object> body) {
        Response created = http.post(ASSETS, body).bearer(token).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    /** Pairs of (asset id, version). */
    private static Map<String, Object> withDependencies(Map<String, Object> body, Object... pairs) {
        List<Map<String, Object>> dependencies = new java.util.ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            dependencies.add(Map.of("assetId", pairs[i], "version", pairs[i + 1]));
        }
        body.put("dependencies", dependencies);
        return body;
    }

    private static List<String> nodes(Response graph) {
        assertThat(graph.status()).as(graph.body()).isEqualTo(200);
        return graph.json().path("nodes").values().stream()
                .map(node -> node.path("assetId").asString() + "@" + node.path("version").asInt() + " depth " + node.path("depth").asInt())
                .toList();
    }
}
