package io.hypermesh.registry.asset;

import static io.hypermesh.registry.Fixtures.ASSETS;
import static io.hypermesh.registry.Fixtures.assertProblem;
import static io.hypermesh.registry.Fixtures.asset;
import static io.hypermesh.registry.Fixtures.ids;
import static io.hypermesh.registry.Fixtures.uniqueTag;
import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.protocol.Digests;
import io.hypermesh.registry.RegistryServiceTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class AssetApiTest extends RegistryServiceTest {

    @Autowired
    JdbcClient jdbc;

    private final String owner = freshIdentity();
    private final String ownerToken = TOKENS.token(owner, "client");
    private final String otherToken = TOKENS.token(freshIdentity(), "client");

    @Test
    void shouldCreateADraftOwnedByTheCallerAndServeItWithItsETag() {
        Map<String, Object> draft = asset("word-count", "PRIVATE", "text");
        Response created = http.post(ASSETS, draft).bearer(ownerToken).send();

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(created.header("Location")).endsWith(ASSETS + "/" + id);
        assertThat(created.header("ETag")).isNotBlank();
        assertThat(created.json().path("owner").asString()).isEqualTo(owner);
        assertThat(created.json().path("version").asInt()).isEqualTo(1);
        assertThat(created.json().path("status").asString()).isEqualTo("DRAFT");
        assertThat(created.json().path("codeDigest").asString())
                .isEqualTo(Digests.sha256Hex(((String) draft.get("code")).getBytes(StandardCharsets.UTF_8)));

        Response fetched = http.get(ASSETS + "/" + id).bearer(ownerToken).send();
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.header("ETag")).isEqualTo(created.header("ETag"));
        assertThat(fetched.json().path("code").asString()).isEqualTo(draft.get("code"));
        assertThat(fetched.json().path("parameters").path("required").get(0).asString()).isEqualTo("text");
        assertThat(fetched.json().path("resources").path("gpu").path("model").asString()).isEqualTo("nvidia-t4");
        assertThat(fetched.json().path("resources").path("network").asBoolean()).isFalse();
        assertThat(fetched.json().path("allowedZones").get(0).asString()).isEqualTo("eu-west");
        assertThat(http.get(ASSETS + "/" + id).header("If-None-Match", created.header("ETag")).bearer(ownerToken).send().status())
                .isEqualTo(304);
    }

    @Test
    void shouldReplaceADraftWhenIfMatchCarriesTheCurrentETag() {
        Response created = http.post(ASSETS, asset("v1", "PRIVATE", "text")).bearer(ownerToken).send();
        String location = ASSETS + "/" + created.json().path("id").asString();
        Map<String, Object> edited = asset("v1-edited", "PRIVATE", "text");
        edited.put("code", "def main(text):\n    return 42\n");

        Response updated = http.put(location, edited).header("If-Match", created.header("ETag")).bearer(ownerToken).send();

        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.header("ETag")).isNotEqualTo(created.header("ETag"));
        assertThat(updated.json().path("codeDigest").asString()).isEqualTo(Digests.sha256Hex(
                "def main(text):\n    return 42\n".getBytes(StandardCharsets.UTF_8)));
        Response fetched = http.get(location).bearer(ownerToken).send();
        assertThat(fetched.json().path("name").asString()).isEqualTo("v1-edited");
        assertThat(fetched.header("ETag")).isEqualTo(updated.header("ETag"));
    }

    @Test
    void shouldRefuseAnUpdateBasedOnAStaleETag() {
        Response created = http.post(ASSETS, asset("race", "PRIVATE", "text")).bearer(ownerToken).send();
        String location = ASSETS + "/" + created.json().path("id").asString();
        String firstEtag = created.header("ETag");
        assertThat(http.put(location, asset("first-writer", "PRIVATE")).header("If-Match", firstEtag)
                .bearer(ownerToken).send().status()).isEqualTo(200);

        Response late = http.put(location, asset("second-writer", "PRIVATE")).header("If-Match", firstEtag)
                .bearer(ownerToken).send();

        assertProblem(late, 412, "precondition-failed");
        assertThat(http.get(location).bearer(ownerToken).send().json().path("name").asString()).isEqualTo("first-writer");
    }

    @Test
    void shouldRequireIfMatchToUpdate() {
        Response created = http.post(ASSETS, asset("no-if-match", "PRIVATE")).bearer(ownerToken).send();

        Response response = http.put(ASSETS + "/" + created.json().path("id").asString(), asset("changed", "PRIVATE"))
                .bearer(ownerToken).send();

        assertProblem(response, 428, "precondition-required");
    }

    @Test
    void shouldLetOnlyTheOwnerEditAnAssetOthersCanSee() {
        Response created = http.post(ASSETS, asset("shared", "FULL_PUBLIC")).bearer(ownerToken).send();

        Response response = http.put(ASSETS + "/" + created.json().path("id").asString(), asset("hijacked", "FULL_PUBLIC"))
                .header("If-Match", created.header("ETag")).bearer(otherToken).send();

        assertProblem(response, 403, "not-asset-owner");
    }

    @Test
    void shouldRefuseToEditAnAssetThatIsNoLongerADraft() {
        Response created = http.post(ASSETS, asset("deployed", "PRIVATE")).bearer(ownerToken).send();
        String id = created.json().path("id").asString();
        TestDeployments.markDeployed(jdbc, id, 1);

        Response response = http.put(ASSETS + "/" + id, asset("changed", "PRIVATE"))
                .header("If-Match", created.header("ETag")).bearer(ownerToken).send();

        assertProblem(response, 409, "asset-not-draft");
    }

    @Test
    void shouldHideAPrivateAssetFromEveryoneButItsOwner() {
        String tag = uniqueTag();
        String id = http.post(ASSETS, asset("secret", "PRIVATE", tag)).bearer(ownerToken).send().json().path("id").asString();

        assertThat(http.get(ASSETS + "/" + id).bearer(ownerToken).send().status()).isEqualTo(200);
        Response other = http.get(ASSETS + "/" + id).bearer(otherToken).send();
        Response operator = http.get(ASSETS + "/" + id).bearer(TOKENS.token(freshIdentity(), "operator")).send();
        Response unknown = http.get(ASSETS + "/" + UUID.randomUUID()).bearer(otherToken).send();
        assertProblem(other, 404, "asset-not-found");
        assertProblem(operator, 404, "asset-not-found");
        assertProblem(unknown, 404, "asset-not-found");
        assertThat(other.json().path("title").asString()).isEqualTo(unknown.json().path("title").asString());
        assertThat(ids(http.get(ASSETS + "?tag=" + tag).bearer(otherToken).send())).isEmpty();
        assertThat(ids(http.get(ASSETS + "?tag=" + tag + "&owner=" + owner).bearer(otherToken).send())).isEmpty();
        assertThat(ids(http.get(ASSETS + "?tag=" + tag).bearer(ownerToken).send())).containsExactly(id);
    }

    @Test
    void shouldShowAFullPublicAssetToAnySignedInIdentity() {
        String tag = uniqueTag();
        String id = http.post(ASSETS, asset("open", "FULL_PUBLIC", tag)).bearer(ownerToken).send().json().path("id").asString();

        Response asHost = http.get(ASSETS + "/" + id).bearer(TOKENS.token(freshIdentity(), "host")).send();
        assertThat(asHost.status()).isEqualTo(200);
        assertThat(asHost.json().path("owner").asString()).isEqualTo(owner);
        assertThat(ids(http.get(ASSETS + "?tag=" + tag).bearer(otherToken).send())).containsExactly(id);
    }

    @Test
    void shouldPageThroughVisibleAssetsInCreationOrderWithFilters() {
        String tag = uniqueTag();
        String first = http.post(ASSETS, asset("a", "P2P", tag)).bearer(ownerToken).send().json().path("id").asString();
        String second = http.post(ASSETS, asset("b", "PUBLIC_NETWORK", tag)).bearer(ownerToken).send().json().path("id").asString();
        Map<String, Object> wasm = asset("c", "FULL_PUBLIC", tag);
        wasm.put("runtime", "wasm");
        String third = http.post(ASSETS, wasm).bearer(ownerToken).send().json().path("id").asString();
        http.post(ASSETS, asset("hidden", "PRIVATE", tag)).bearer(TOKENS.token(freshIdentity(), "client")).send();

        Response page1 = http.get(ASSETS + "?tag=" + tag + "&limit=2").bearer(otherToken).send();
        assertThat(page1.status()).as(page1.body()).isEqualTo(200);
        assertThat(ids(page1)).containsExactly(first, second);
        assertThat(page1.json().path("items").get(0).has("code")).isFalse();
        String next = page1.json().path("next").asString();
        Response page2 = http.get(ASSETS + "?tag=" + tag + "&limit=2&after=" + next).bearer(otherToken).send();
        assertThat(ids(page2)).containsExactly(third);
        assertThat(page2.json().path("next").isNull()).isTrue();

        assertThat(ids(http.get(ASSETS + "?tag=" + tag + "&runtime=wasm").bearer(otherToken).send())).containsExactly(third);
        assertThat(ids(http.get(ASSETS + "?tag=" + tag + "&status=DEPLOYED").bearer(otherToken).send())).isEmpty();
        assertThat(ids(http.get(ASSETS + "?tag=" + tag + "&owner=" + owner + "&status=DRAFT").bearer(otherToken).send()))
                .containsExactly(first, second, third);
    }

    @Test
    void shouldNameEveryInvalidListParameter() {
        Response response = http.get(ASSETS + "?limit=0&runtime=cobol&status=LOST&owner=alice").bearer(ownerToken).send();

        assertProblem(response, 400, "validation");
        assertThat(response.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("limit", "runtime", "status", "owner");
        Response badCursor = http.get(ASSETS + "?after=not-a-cursor").bearer(ownerToken).send();
        assertProblem(badCursor, 400, "validation");
        assertThat(badCursor.json().path("errors").findValuesAsString("field")).containsExactly("after");
        Response notANumber = http.get(ASSETS + "?limit=many").bearer(ownerToken).send();
        assertProblem(notANumber, 400, "validation");
        assertThat(notANumber.json().path("errors").findValuesAsString("field")).containsExactly("limit");
    }

    @Test
    void shouldRefuseTextThatPostgresCannotStoreAsNamedFields() {
        Map<String, Object> draft = asset("nul\u0000name", "PRIVATE");
        draft.put("code", "print(1)\u0000");
        Response inFields = http.post(ASSETS, draft).bearer(ownerToken).send();
        assertProblem(inFields, 400, "validation");
        // The JSON reader refuses the first NUL it meets, naming that field.
        assertThat(inFields.json().path("errors").findValuesAsString("field")).hasSize(1).first().isIn("name", "code");
        assertThat(inFields.json().path("errors").get(0).path("message").asString()).contains("NUL");

        Map<String, Object> inSchema = asset("nul-in-schema", "PRIVATE");
        inSchema.put("parameters", Map.of("type", "object", "description", List.of("fine", "not\u0000fine")));
        Response response = http.post(ASSETS, inSchema).bearer(ownerToken).send();
        assertProblem(response, 400, "validation");
        assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly("parameters.description[1]");
    }

    @Test
    void shouldNameEveryInvalidField() {
        Map<String, Object> invalid = asset(" ", "SECRET", "Not A Tag");
        invalid.put("runtime", "cobol");
        invalid.remove("entrypoint");
        invalid.put("resources", Map.of("cpuCores", 0, "memoryMb", 256, "storageMb", 0, "maxRuntimeSeconds", 30,
                "gpu", Map.of("memoryMb", 1024)));

        Response response = http.post(ASSETS, invalid).bearer(ownerToken).send();

        assertProblem(response, 400, "validation");
        assertThat(response.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "name", "runtime", "entrypoint", "privacy", "tags[0]", "resources.cpuCores", "resources.gpu.model");
    }

    @Test
    void shouldRefuseParametersThatAreNotAJsonSchemaObject() {
        Map<String, Object> draft = asset("bad-schema", "PRIVATE");
        draft.put("parameters", List.of("text"));

        Response response = http.post(ASSETS, draft).bearer(ownerToken).send();

        assertProblem(response, 400, "validation");
        assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly("parameters");
    }

    @Test
    void shouldNameTheFieldAndTheExpectedTypeOfAWronglyTypedValue() {
        Map<String, Object> draft = asset("typed", "PRIVATE");
        draft.put("resources", Map.of("cpuCores", "one", "memoryMb", 256, "storageMb", 0, "maxRuntimeSeconds", 30));

        Response response = http.post(ASSETS, draft).bearer(ownerToken).send();

        assertProblem(response, 400, "validation");
        assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly("resources.cpuCores");
        assertThat(response.json().path("errors").get(0).path("message").asString()).contains("integer");

        draft.put("resources", Map.of("cpuCores", 1.5, "memoryMb", 256, "storageMb", 0, "maxRuntimeSeconds", 30));
        Response fraction = http.post(ASSETS, draft).bearer(ownerToken).send();
        assertProblem(fraction, 400, "validation");
        assertThat(fraction.json().path("errors").findValuesAsString("field")).containsExactly("resources.cpuCores");
    }

    @Test
    void shouldRefuseCodeLargerThanTheConfiguredLimit() {
        Map<String, Object> draft = asset("huge", "PRIVATE");
        draft.put("code", "x".repeat(1024 * 1024 + 1));

        Response response = http.post(ASSETS, draft).bearer(ownerToken).send();

        assertProblem(response, 413, "code-too-large");
        assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly("code");
    }

    @Test
    void shouldForbidAssetCreationToIdentitiesWithoutTheClientRole() {
        Response response = http.post(ASSETS, asset("by-host", "PRIVATE")).bearer(TOKENS.token(freshIdentity(), "host")).send();

        assertProblem(response, 403, "forbidden");
    }

    @Test
    void shouldRequireATokenToReadAssets() {
        String id = http.post(ASSETS, asset("public", "FULL_PUBLIC")).bearer(ownerToken).send().json().path("id").asString();

        assertProblem(http.get(ASSETS + "/" + id).send(), 401, "unauthorized");
        assertProblem(http.get(ASSETS).send(), 401, "unauthorized");
    }
}
