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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssetSearchApiTest extends RegistryServiceTest {

    private final String owner = freshIdentity();
    private final String ownerToken = TOKENS.token(owner, "client");
    private final String otherToken = TOKENS.token(freshIdentity(), "client");

    @Test
    void shouldFindAssetsByWordsOfTheirNameDescriptionAndTagsWithStemming() {
        String tag = uniqueTag();
        String resize = create(described("resize-photos", "Resizes photographs in batches", tag, "imaging"));
        String count = create(described("word-count", "Counts the words of a document", tag, "nlp"));

        assertThat(ids(search("q=resizing&tag=" + tag))).containsExactly(resize);
        assertThat(ids(search("q=documents&tag=" + tag))).containsExactly(count);
        assertThat(ids(search("q=imaging&tag=" + tag))).containsExactly(resize);
        assertThat(ids(search("q=word+-photographs&tag=" + tag))).containsExactly(count);
        assertThat(ids(search("q=%22counts+the+words%22&tag=" + tag))).containsExactly(count);
        assertThat(ids(search("q=resize+or+nlp&tag=" + tag))).containsExactly(resize, count);
    }

    @Test
    void shouldFilterByResourceRangesGpuAndMaximumRuntime() {
        String tag = uniqueTag();
        String small = create(withResources(asset("small", "FULL_PUBLIC", tag), 1, 256, null, 30));
        String big = create(withResources(asset("big", "FULL_PUBLIC", tag), 16, 65536, 81920, 3600));
        String medium = create(withResources(asset("medium", "FULL_PUBLIC", tag), 4, 2048, 16384, 300));

        assertThat(ids(search("tag=" + tag + "&cpuCoresMin=4"))).containsExactly(big, medium);
        assertThat(ids(search("tag=" + tag + "&cpuCoresMin=2&cpuCoresMax=8"))).containsExactly(medium);
        assertThat(ids(search("tag=" + tag + "&memoryMbMax=2048"))).containsExactly(small, medium);
        assertThat(ids(search("tag=" + tag + "&memoryMbMin=4096"))).containsExactly(big);
        assertThat(ids(search("tag=" + tag + "&gpu=true"))).containsExactly(big, medium);
        assertThat(ids(search("tag=" + tag + "&gpu=false"))).containsExactly(small);
        assertThat(ids(search("tag=" + tag + "&gpuMemoryMbMin=40000"))).containsExactly(big);
        assertThat(ids(search("tag=" + tag + "&maxRuntimeSecondsMax=300"))).containsExactly(small, medium);
    }

    @Test
    void shouldFilterByPrivacyWithinWhatTheCallerMaySee() {
        String tag = uniqueTag();
        String mine = create(asset("mine", "PRIVATE", tag));
        String open = create(asset("open", "P2P", tag));
        http.post(ASSETS, asset("theirs", "PRIVATE", tag)).bearer(otherToken).send();

        assertThat(ids(http.get(ASSETS + "?tag=" + tag + "&privacy=PRIVATE").bearer(ownerToken).send())).containsExactly(mine);
        assertThat(ids(http.get(ASSETS + "?tag=" + tag + "&privacy=P2P").bearer(otherToken).send())).containsExactly(open);
        assertThat(ids(http.get(ASSETS + "?tag=" + tag + "&privacy=PRIVATE&owner=" + owner).bearer(otherToken).send())).isEmpty();
    }

    @Test
    void shouldFillEveryPageWithVisibleAssetsOnlyWhateverIsHiddenBetweenThem() {
        String tag = uniqueTag();
        String stranger = TOKENS.token(freshIdentity(), "client");
        List<String> visible = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            visible.add(create(asset("public-" + i, "FULL_PUBLIC", tag)));
            http.post(ASSETS, asset("private-" + i, "PRIVATE", tag)).bearer(ownerToken).send();
            http.post(ASSETS, asset("network-" + i, "PRIVATE_NETWORK", tag)).bearer(ownerToken).send();
        }
        List<String> seen = new ArrayList<>();
        String next = null;
        do {
            Response page = http.get(ASSETS + "?tag=" + tag + "&limit=2" + (next == null ? "" : "&after=" + next))
                    .bearer(stranger).send();
            List<String> items = ids(page);
            next = page.json().path("next").isNull() ? null : page.json().path("next").asString();
            assertThat(items).hasSize(next == null ? 1 : 2);
            seen.addAll(items);
        } while (next != null);
        assertThat(seen).containsExactlyElementsOf(visible);
    }

    @Test
    void shouldNameEveryInvalidSearchParameter() {
        Response response = search("q=&privacy=SECRET&cpuCoresMin=0&memoryMbMax=0&gpuMemoryMbMin=0&maxRuntimeSecondsMax=86401"
                + "&tag=Not_A_Tag");
        assertProblem(response, 400, "validation");
        assertThat(errorFields(response)).containsExactlyInAnyOrder("q", "privacy", "cpuCoresMin", "memoryMbMax",
                "gpuMemoryMbMin", "maxRuntimeSecondsMax", "tag");

        assertFieldRefused("cpuCoresMin=8&cpuCoresMax=2", "cpuCoresMax");
        assertFieldRefused("memoryMbMin=8&memoryMbMax=2", "memoryMbMax");
        assertFieldRefused("gpu=false&gpuMemoryMbMin=1024", "gpuMemoryMbMin");
        assertFieldRefused("q=the+and+of", "q");
        assertFieldRefused("gpu=maybe", "gpu");
        assertFieldRefused("cpuCoresMax=lots", "cpuCoresMax");
    }

    private void assertFieldRefused(String query, String field) {
        Response response = search(query);
        assertProblem(response, 400, "validation");
        assertThat(errorFields(response)).as(query).containsExactly(field);
    }

    private Response search(String query) {
        return http.get(ASSETS + "?" + query).bearer(otherToken).send();
    }

    private String create(Map<String, Object> body) {
        Response created = http.post(ASSETS, body).bearer(ownerToken).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private static Map<String, Object> described(String name, String description, String... tags) {
        Map<String, Object> body = asset(name, "FULL_PUBLIC", tags);
        body.put("description", description);
        return body;
    }

    private static Map<String, Object> withResources(Map<String, Object> body, int cpuCores, int memoryMb, Integer gpuMemoryMb,
            int maxRuntimeSeconds) {
        Map<String, Object> resources = new HashMap<>(Map.of("cpuCores", cpuCores, "memoryMb", memoryMb, "storageMb", 0,
                "maxRuntimeSeconds", maxRuntimeSeconds));
        if (gpuMemoryMb != null) {
            resources.put("gpu", Map.of("model", "nvidia-a100", "memoryMb", gpuMemoryMb));
        }
        body.put("resources", resources);
        return body;
    }
}
