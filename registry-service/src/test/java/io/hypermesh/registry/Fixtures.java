package io.hypermesh.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Request bodies and assertions the registry's API tests share. */
public final class Fixtures {

    public static final String ASSETS = "/api/v1/registry/assets";

    private Fixtures() {
    }

    /** A valid draft body; tests change what they need. */
    public static Map<String, Object> asset(String name, String privacy, String... tags) {
        Map<String, Object> asset = new HashMap<>();
        asset.put("name", name);
        asset.put("description", "counts words");
        asset.put("runtime", "python");
        asset.put("code", "def main(text):\n    return len(text.split())\n");
        asset.put("entrypoint", "main");
        asset.put("parameters", Map.of("type", "object", "properties", Map.of("text", Map.of("type", "string")),
                "required", List.of("text")));
        asset.put("resources", Map.of("cpuCores", 1, "memoryMb", 256, "storageMb", 0, "maxRuntimeSeconds", 30,
                "gpu", Map.of("model", "nvidia-t4", "memoryMb", 16384)));
        asset.put("privacy", privacy);
        asset.put("allowedZones", List.of("eu-west"));
        asset.put("tags", List.of(tags));
        return asset;
    }

    public static List<String> ids(Response page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.json().path("items").findValuesAsString("id");
    }

    public static String uniqueTag() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static void assertProblem(Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode body = response.json();
        assertThat(body.path("type").asString()).as(response.body()).isEqualTo("https://hypermesh.io/problems/" + type);
        assertThat(body.path("status").asInt()).isEqualTo(status);
    }

    public static List<String> errorFields(Response response) {
        return response.json().path("errors").findValuesAsString("field");
    }
}
