package io.hypermesh.registry.network;

import static io.hypermesh.registry.Fixtures.assertProblem;
import static io.hypermesh.registry.Fixtures.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.registry.RegistryServiceTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NetworkApiTest extends RegistryServiceTest {

    private static final String NETWORKS = "/api/v1/registry/networks";

    private final String owner = freshIdentity();
    private final String ownerToken = TOKENS.token(owner, "client");
    private final String otherToken = TOKENS.token(freshIdentity(), "client");

    @Test
    void shouldCreateANetworkAndManageItsMembersIdempotently() {
        Response created = http.post(NETWORKS, Map.of("name", "lab")).bearer(ownerToken).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(created.header("Location")).endsWith(NETWORKS + "/" + id);
        assertThat(created.json().path("owner").asString()).isEqualTo(owner);
        assertThat(created.json().path("members")).isEmpty();
        String member = freshIdentity();

        Response added = http.put(NETWORKS + "/" + id + "/members/" + member, null).bearer(ownerToken).send();
        Response addedAgain = http.put(NETWORKS + "/" + id + "/members/" + member, null).bearer(ownerToken).send();

        assertThat(added.status()).isEqualTo(200);
        assertThat(addedAgain.json().path("members").values().stream().map(node -> node.asString()).toList()).containsExactly(member);
        assertThat(http.get(NETWORKS).bearer(ownerToken).send().json().findValuesAsString("name")).containsExactly("lab");

        Response removed = http.delete(NETWORKS + "/" + id + "/members/" + member).bearer(ownerToken).send();
        assertThat(removed.json().path("members")).isEmpty();
        assertThat(http.delete(NETWORKS + "/" + id + "/members/" + member).bearer(ownerToken).send().status()).isEqualTo(200);
    }

    @Test
    void shouldRefuseASecondNetworkOfTheSameNameForTheSameOwnerOnly() {
        assertThat(http.post(NETWORKS, Map.of("name", "twice")).bearer(ownerToken).send().status()).isEqualTo(201);

        Response again = http.post(NETWORKS, Map.of("name", "twice")).bearer(ownerToken).send();

        assertProblem(again, 409, "network-name-taken");
        assertThat(errorFields(again)).containsExactly("name");
        assertThat(http.post(NETWORKS, Map.of("name", "twice")).bearer(otherToken).send().status()).isEqualTo(201);
    }

    @Test
    void shouldHideANetworkFromEveryoneButItsOwner() {
        String id = http.post(NETWORKS, Map.of("name", "hidden")).bearer(ownerToken).send().json().path("id").asString();

        assertProblem(http.get(NETWORKS + "/" + id).bearer(otherToken).send(), 404, "network-not-found");
        assertProblem(http.put(NETWORKS + "/" + id + "/members/" + freshIdentity(), null).bearer(otherToken).send(),
                404, "network-not-found");
        assertProblem(http.get(NETWORKS + "/" + UUID.randomUUID()).bearer(ownerToken).send(), 404, "network-not-found");
        assertProblem(http.get(NETWORKS + "/not-an-id").bearer(ownerToken).send(), 404, "network-not-found");
        assertThat(http.get(NETWORKS).bearer(otherToken).send().json()).isEmpty();
    }

    @Test
    void shouldNameInvalidNamesAndIdentities() {
        Response badName = http.post(NETWORKS, Map.of("name", "Not A Name")).bearer(ownerToken).send();
        assertProblem(badName, 400, "validation");
        assertThat(errorFields(badName)).containsExactly("name");

        String id = http.post(NETWORKS, Map.of("name", "valid")).bearer(ownerToken).send().json().path("id").asString();
        Response badMember = http.put(NETWORKS + "/" + id + "/members/alice", null).bearer(ownerToken).send();
        assertProblem(badMember, 400, "validation");
        assertThat(errorFields(badMember)).containsExactly("identity");
    }

    @Test
    void shouldLetOnlyClientsManageNetworks() {
        assertProblem(http.post(NETWORKS, Map.of("name", "by-host")).bearer(TOKENS.token(freshIdentity(), "host")).send(),
                403, "forbidden");
    }
}
