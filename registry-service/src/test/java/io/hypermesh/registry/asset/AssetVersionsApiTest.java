package io.hypermesh.registry.asset;

import static io.hypermesh.registry.Fixtures.ASSETS;
import static io.hypermesh.registry.Fixtures.assertProblem;
import static io.hypermesh.registry.Fixtures.asset;
import static io.hypermesh.registry.Fixtures.errorFields;
import static io.hypermesh.registry.Fixtures.ids;
import static io.hypermesh.registry.Fixtures.uniqueTag;
import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.registry.RegistryServiceTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class AssetVersionsApiTest extends RegistryServiceTest {

    @Autowired
    JdbcClient jdbc;

    private final String owner = freshIdentity();
    private final String ownerToken = TOKENS.token(owner, "client");
    private final String otherToken = TOKENS.token(freshIdentity(), "client");

    @Test
    void shouldMakeVersionTwoAsADraftWhenVersionOneIsDeployedAndKeepVersionOneAsItWas() {
        String tag = uniqueTag();
        String id = create(asset("v1", "FULL_PUBLIC", tag));
        TestDeployments.markDeployed(jdbc, id, 1);
        Map<String, Object> changed = asset("v2", "FULL_PUBLIC", tag);
        changed.put("code", "def main(text):\n    return 2\n");

        Response created = http.post(ASSETS + "/" + id + "/versions", changed).bearer(ownerToken).send();

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith(ASSETS + "/" + id + "/versions/2");
        assertThat(created.json().path("version").asInt()).isEqualTo(2);
        assertThat(created.json().path("status").asString()).isEqualTo("DRAFT");
        assertThat(created.json().path("deployment").isNull()).isTrue();

        Response latest = http.get(ASSETS + "/" + id).bearer(otherToken).send();
        assertThat(latest.json().path("version").asInt()).isEqualTo(2);
        assertThat(latest.json().path("name").asString()).isEqualTo("v2");
        assertThat(latest.header("ETag")).isEqualTo(created.header("ETag"));

        Response first = http.get(ASSETS + "/" + id + "/versions/1").bearer(otherToken).send();
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("name").asString()).isEqualTo("v1");
        assertThat(first.json().path("status").asString()).isEqualTo("DEPLOYED");
        assertThat(first.json().path("deployment").path("blockHeight").asLong()).isEqualTo(42);
        assertThat(first.json().path("deployment").path("blockHash").asString()).hasSize(64);
        assertThat(first.json().path("deployment").path("deployedAt").asString()).isNotBlank();

        Response versions = http.get(ASSETS + "/" + id + "/versions").bearer(otherToken).send();
        assertThat(versions.status()).isEqualTo(200);
        assertThat(versions.json().findValues("version").stream().map(v -> v.asInt()).toList()).containsExactly(2, 1);
        assertThat(versions.json().get(1).path("status").asString()).isEqualTo("DEPLOYED");

        // The list shows the asset once, as its latest version.
        Response page = http.get(ASSETS + "?tag=" + tag).bearer(otherToken).send();
        assertThat(ids(page)).containsExactly(id);
        assertThat(page.json().path("items").get(0).path("version").asInt()).isEqualTo(2);
        assertThat(page.json().path("items").get(0).path("name").asString()).isEqualTo("v2");
    }

    @Test
    void shouldRefuseANewVersionWhileTheLatestIsStillADraft() {
        String id = create(asset("draft", "PRIVATE"));

        Response response = http.post(ASSETS + "/" + id + "/versions", asset("again", "PRIVATE")).bearer(ownerToken).send();

        assertProblem(response, 409, "draft-pending");
        assertThat(response.json().path("draftVersion").asInt()).isEqualTo(1);
    }

    @Test
    void shouldNeverChangeADeployedOrRetiredVersion() {
        String id = create(asset("frozen", "PRIVATE"));
        TestDeployments.markDeployed(jdbc, id, 1);
        String etag = http.get(ASSETS + "/" + id).bearer(ownerToken).send().header("ETag");

        assertProblem(http.put(ASSETS + "/" + id, asset("thawed", "PRIVATE")).header("If-Match", etag)
                .bearer(ownerToken).send(), 409, "asset-not-draft");

        String retiredId = create(asset("retired", "PRIVATE"));
        Response retired = http.post(ASSETS + "/" + retiredId + "/versions/1/retire", null).bearer(ownerToken).send();
        assertProblem(http.put(ASSETS + "/" + retiredId, asset("revived", "PRIVATE")).header("If-Match", retired.header("ETag"))
                .bearer(ownerToken).send(), 409, "asset-not-draft");
        assertThat(http.get(ASSETS + "/" + id + "/versions/1").bearer(ownerToken).send().json().path("name").asString())
                .isEqualTo("frozen");
    }

    @Test
    void shouldEditTheNewDraftWithIfMatchAndRefuseStaleOrMissingETags() {
        String id = create(asset("one", "PRIVATE"));
        TestDeployments.markDeployed(jdbc, id, 1);
        Response two = http.post(ASSETS + "/" + id + "/versions", asset("two", "PRIVATE")).bearer(ownerToken).send();

        Response edited = http.put(ASSETS + "/" + id, asset("two-edited", "PRIVATE")).header("If-Match", two.header("ETag"))
                .bearer(ownerToken).send();
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().path("version").asInt()).isEqualTo(2);

        assertProblem(http.put(ASSETS + "/" + id, asset("late", "PRIVATE")).header("If-Match", two.header("ETag"))
                .bearer(ownerToken).send(), 412, "precondition-failed");
        assertProblem(http.put(ASSETS + "/" + id, asset("blind", "PRIVATE")).bearer(ownerToken).send(),
                428, "precondition-required");
        assertThat(http.get(ASSETS + "/" + id + "/versions/1").bearer(ownerToken).send().json().path("name").asString())
                .isEqualTo("one");
    }

    @Test
    void shouldRetireAVersionOnceAndThenAllowTheNextOne() {
        String id = create(asset("to-retire", "FULL_PUBLIC"));

        assertProblem(http.post(ASSETS + "/" + id + "/versions/1/retire", null).bearer(otherToken).send(), 403, "not-asset-owner");
        Response retired = http.post(ASSETS + "/" + id + "/versions/1/retire", null).bearer(ownerToken).send();
        assertThat(retired.status()).as(retired.body()).isEqualTo(200);
        assertThat(retired.json().path("status").asString()).isEqualTo("RETIRED");
        Response again = http.post(ASSETS + "/" + id + "/versions/1/retire", null).bearer(ownerToken).send();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("ETag")).isEqualTo(retired.header("ETag"));

        Response next = http.post(ASSETS + "/" + id + "/versions", asset("replacement", "FULL_PUBLIC")).bearer(ownerToken).send();
        assertThat(next.status()).as(next.body()).isEqualTo(201);
        assertThat(next.json().path("version").asInt()).isEqualTo(2);
        assertThat(http.get(ASSETS + "?owner=" + owner + "&status=RETIRED").bearer(ownerToken).send().json().path("items"))
                .isEmpty();
    }

    @Test
    void shouldKeepADeployedVersionsBlockReferenceWhenItIsRetired() {
        String id = create(asset("deployed-then-retired", "PRIVATE"));
        TestDeployments.markDeployed(jdbc, id, 1);

        Response retired = http.post(ASSETS + "/" + id + "/versions/1/retire", null).bearer(ownerToken).send();

        assertThat(retired.json().path("status").asString()).isEqualTo("RETIRED");
        assertThat(retired.json().path("deployment").path("blockHeight").asLong()).isEqualTo(42);
    }

    @Test
    void shouldAnswerMissingVersionsAndInvisibleAssetsAsProblems() {
        String id = create(asset("mine", "PRIVATE"));

        assertProblem(http.get(ASSETS + "/" + id + "/versions/7").bearer(ownerToken).send(), 404, "version-not-found");
        assertProblem(http.get(ASSETS + "/" + id + "/versions/1").bearer(otherToken).send(), 404, "asset-not-found");
        assertProblem(http.get(ASSETS + "/" + id + "/versions").bearer(otherToken).send(), 404, "asset-not-found");
        assertProblem(http.post(ASSETS + "/" + id + "/versions", asset("theirs", "PRIVATE")).bearer(otherToken).send(),
                404, "asset-not-found");
        Response zero = http.get(ASSETS + "/" + id + "/versions/0").bearer(ownerToken).send();
        assertProblem(zero, 400, "validation");
        assertThat(errorFields(zero)).containsExactly("version");
        Response word = http.get(ASSETS + "/" + id + "/versions/latest").bearer(ownerToken).send();
        assertProblem(word, 400, "validation");
        assertThat(errorFields(word)).containsExactly("version");
    }

    @Test
    void shouldNameInvalidFieldsOfANewVersion() {
        String id = create(asset("valid", "PRIVATE"));
        TestDeployments.markDeployed(jdbc, id, 1);
        Map<String, Object> invalid = asset("", "PRIVATE");
        invalid.put("runtime", "cobol");

        Response response = http.post(ASSETS + "/" + id + "/versions", invalid).bearer(ownerToken).send();

        assertProblem(response, 400, "validation");
        assertThat(errorFields(response)).containsExactlyInAnyOrder("name", "runtime");
    }

    private String create(Map<String, Object> body) {
        Response created = http.post(ASSETS, body).bearer(ownerToken).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }
}
