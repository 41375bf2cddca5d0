package io.hypermesh.registry;

import static io.hypermesh.registry.Fixtures.ASSETS;
import static io.hypermesh.registry.Fixtures.asset;
import static io.hypermesh.registry.Fixtures.ids;
import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Each privacy level × each kind of caller × each way of reading an asset. A caller that may not see
 * an asset gets exactly what it gets for an asset that does not exist.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisibilityMatrixTest extends RegistryServiceTest {

    private static final List<String> LEVELS = List.of("PRIVATE", "PRIVATE_NETWORK", "P2P", "PUBLIC_NETWORK", "FULL_PUBLIC");

    private final String owner = freshIdentity();
    private final String member = freshIdentity();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    /** Level → asset id; all carry {@link #tag} and the made-up word {@link #word} in their description. */
    private final Map<String, String> assets = new LinkedHashMap<>();
    private final String tag = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
    private final String word = "zorblax" + UUID.randomUUID().toString().replaceAll("[^a-z]", "");
    private String app;

    @BeforeAll
    void publishOneAssetPerLevelAndAnAppThatDependsOnAllOfThem() {
        http = io.hypermesh.devsupport.TestHttp.onPort(port);
        tokens.put("owner", TOKENS.token(owner, "client"));
        tokens.put("other identity", TOKENS.token(freshIdentity(), "client"));
        tokens.put("network member", TOKENS.token(member, "client"));
        tokens.put("operator", TOKENS.token(freshIdentity(), "operator"));
        tokens.put("host", TOKENS.token(freshIdentity(), "host"));
        String ownerToken = tokens.get("owner");
        Response network = http.post("/api/v1/registry/networks", Map.of("name", "matrix")).bearer(ownerToken).send();
        assertThat(network.status()).as(network.body()).isEqualTo(201);
        http.put("/api/v1/registry/networks/" + network.json().path("id").asString() + "/members/" + member, null)
                .bearer(ownerToken).send();
        List<Map<String, Object>> dependencies = new ArrayList<>();
        for (String level : LEVELS) {
            Map<String, Object> body = asset("matrix-" + level.toLowerCase(), level, tag);
            body.put("description", "an asset about " + word);
            Response created = http.post(ASSETS, body).bearer(ownerToken).send();
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assets.put(level, created.json().path("id").asString());
            dependencies.add(Map.of("assetId", assets.get(level), "version", 1));
        }
        Map<String, Object> appBody = asset("matrix-app", "FULL_PUBLIC");
        appBody.put("dependencies", dependencies);
        app = http.post(ASSETS, appBody).bearer(ownerToken).send().json().path("id").asString();
    }

    /** Caller → the levels it sees. */
    private static final Map<String, List<String>> SEES = Map.of(
            "owner", LEVELS,
            "other identity", List.of("P2P", "PUBLIC_NETWORK", "FULL_PUBLIC"),
            "network member", List.of("PRIVATE_NETWORK", "P2P", "PUBLIC_NETWORK", "FULL_PUBLIC"),
            "operator", List.of("P2P", "PUBLIC_NETWORK", "FULL_PUBLIC"),
            "host", List.of("P2P", "PUBLIC_NETWORK", "FULL_PUBLIC"));

    /** Caller → the levels whose code it reads. */
    private static final Map<String, List<String>> READS_CODE = Map.of(
            "owner", LEVELS,
            "other identity", List.of("FULL_PUBLIC"),
            "network member", List.of("PRIVATE_NETWORK", "PUBLIC_NETWORK", "FULL_PUBLIC"),
            "operator", List.of("FULL_PUBLIC"),
            "host", List.of("P2P", "PUBLIC_NETWORK", "FULL_PUBLIC"));

    @Test
    void shouldShowEachLevelToExactlyTheCallersItNamesWhicheverWayTheyRead() {
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, String> caller : tokens.entrySet()) {
            String token = caller.getValue();
            List<String> sees = SEES.get(caller.getKey());
            assertThat(ids(http.get(ASSETS + "?tag=" + tag).bearer(token).send()))
                    .as(caller.getKey() + " list").containsExactlyInAnyOrderElementsOf(sees.stream().map(assets::get).toList());
            assertThat(ids(http.get(ASSETS + "?q=" + word).bearer(token).send()))
                    .as(caller.getKey() + " search").containsExactlyInAnyOrderElementsOf(sees.stream().map(assets::get).toList());
            assertThat(graphNodes(http.get(ASSETS + "/" + app + "/versions/1/dependencies").bearer(token).send()))
                    .as(caller.getKey() + " dependency graph")
                    .containsExactlyInAnyOrderElementsOf(sees.stream().map(assets::get).toList());
            for (String level : LEVELS) {
                String id = assets.get(level);
                boolean visible = sees.contains(level);
                for (String path : List.of("", "/versions", "/versions/1", "/versions/1/dependencies", "/usage", "/versions/1/usage")) {
                    Response response = http.get(ASSETS + "/" + id + path).bearer(token).send();
                    if (visible ? response.status() != 200 : !isNotFound(response, id)) {
                        mismatches.add(caller.getKey() + " GET " + level + path + " -> " + response.status() + " " + response.body());
                    }
                }
                if (visible) {
                    Response got = http.get(ASSETS + "/" + id).bearer(token).send();
                    boolean readsCode = READS_CODE.get(caller.getKey()).contains(level);
                    if (got.json().path("codeReadable").asBoolean() != readsCode || got.json().path("code").isNull() == readsCode) {
                        mismatches.add(caller.getKey() + " code of " + level + ": " + got.body());
                    }
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void shouldHideAPrivateNetworkAssetAgainOnceTheMemberIsRemoved() {
        String ownerToken = tokens.get("owner");
        String identity = freshIdentity();
        String token = TOKENS.token(identity, "client");
        String network = http.post("/api/v1/registry/networks", Map.of("name", "short-lived")).bearer(ownerToken).send()
                .json().path("id").asString();
        String id = assets.get("PRIVATE_NETWORK");
        http.put("/api/v1/registry/networks/" + network + "/members/" + identity, null).bearer(ownerToken).send();
        assertThat(http.get(ASSETS + "/" + id).bearer(token).send().status()).isEqualTo(200);

        http.delete("/api/v1/registry/networks/" + network + "/members/" + identity).bearer(ownerToken).send();

        assertThat(isNotFound(http.get(ASSETS + "/" + id).bearer(token).send(), id)).isTrue();
        assertThat(ids(http.get(ASSETS + "?tag=" + tag).bearer(token).send())).doesNotContain(id);
    }

    /** The answer for an asset that does not exist, with only the id in the detail differing. */
    private boolean isNotFound(Response response, String id) {
        String missing = UUID.randomUUID().toString();
        Response nonexistent = http.get(ASSETS + "/" + missing).bearer(tokens.get("owner")).send();
        return response.status() == 404
                && response.json().path("type").equals(nonexistent.json().path("type"))
                && response.json().path("title").equals(nonexistent.json().path("title"))
                && response.json().path("detail").asString().replace(id, missing).equals(nonexistent.json().path("detail").asString());
    }

    private static List<String> graphNodes(Response graph) {
        assertThat(graph.status()).as(graph.body()).isEqualTo(200);
        return graph.json().path("nodes").findValuesAsString("assetId");
    }
}
