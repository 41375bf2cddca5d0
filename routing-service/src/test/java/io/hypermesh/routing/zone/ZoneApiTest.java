package io.hypermesh.routing.zone;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.routing.RoutingServiceTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ZoneApiTest extends RoutingServiceTest {

    private final String operator = TOKENS.token(freshIdentity(), "operator");

    @Test
    void shouldCreateAZoneAndServeItAtItsLocation() {
        String name = uniqueName();
        Response created = http.post("/api/v1/routing/zones", zone(name, 0, 100)).bearer(operator).send();

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/v1/routing/zones/" + name);
        Response fetched = http.get("/api/v1/routing/zones/" + name).send();
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().path("bounds").path("max").path("z").asDouble()).isEqualTo(100.0);
        assertThat(fetched.json().path("createdBy").asString()).startsWith("hm1");
        assertThat(http.get("/api/v1/routing/zones").send().json().findValuesAsString("name")).contains(name);
    }

    @Test
    void shouldRefuseASecondZoneWithTheSameName() {
        String name = uniqueName();
        assertThat(http.post("/api/v1/routing/zones", zone(name, 0, 1)).bearer(operator).send().status()).isEqualTo(201);

        Response again = http.post("/api/v1/routing/zones", zone(name, 0, 1)).bearer(operator).send();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("type").asString()).isEqualTo("https://hypermesh.io/problems/zone-exists");
    }

    @Test
    void shouldForbidZoneCreationToClients() {
        Response response = http.post("/api/v1/routing/zones", zone(uniqueName(), 0, 1))
                .bearer(TOKENS.token(freshIdentity(), "client", "host")).send();

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).isEqualTo("https://hypermesh.io/problems/forbidden");
    }

    @Test
    void shouldNameEveryInvalidField() {
        Map<String, Object> invalid = Map.of(
                "name", "Not A Slug",
                "bounds", Map.of("min", Map.of("x", 5, "y", 5, "z", 5), "max", Map.of("x", 1, "y", 9, "z", 9)));
        Response response = http.post("/api/v1/routing/zones", invalid).bearer(operator).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("type").asString()).isEqualTo("https://hypermesh.io/problems/validation");
        JsonNode errors = response.json().path("errors");
        assertThat(errors.findValuesAsString("field")).containsExactlyInAnyOrder("name", "bounds.ordered");

        Response missing = http.post("/api/v1/routing/zones", Map.of("name", "ok-name", "bounds", Map.of("min", Map.of("x", 1, "y", 1, "z", 1))))
                .bearer(operator).send();
        assertThat(missing.json().path("errors").findValuesAsString("field")).containsExactly("bounds.max");
    }

    @Test
    void shouldRefuseInfiniteBoundsAndStoreNothing() {
        String name = uniqueName();
        String body = "{\"name\": \"" + name + "\", \"bounds\": {\"min\": {\"x\": -1e400, \"y\": 0, \"z\": 0},"
                + " \"max\": {\"x\": 1, \"y\": 1, \"z\": 1}}}";

        Response response = http.post("/api/v1/routing/zones", body).bearer(operator).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("type").asString()).isEqualTo("https://hypermesh.io/problems/validation");
        assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly("bounds.min.x");
        assertThat(response.json().path("errors").get(0).path("message").asString()).contains("finite");
        assertThat(http.get("/api/v1/routing/zones/" + name).send().status()).isEqualTo(404);
    }

    @Test
    void shouldNameTheFieldAndTypeOfAValueOfTheWrongJsonType() {
        String body = "{\"name\": \"" + uniqueName() + "\", \"bounds\": {\"min\": {\"x\": \"zero\", \"y\": 0, \"z\": 0},"
                + " \"max\": {\"x\": 1, \"y\": 1, \"z\": 1}}}";

        Response response = http.post("/api/v1/routing/zones", body).bearer(operator).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly("bounds.min.x");
        assertThat(response.json().path("errors").get(0).path("message").asString()).contains("number");
    }

    @Test
    void shouldRefuseANulCharacterInTheDescriptionByName() {
        Map<String, Object> zone = new HashMap<>(zone(uniqueName(), 0, 1));
        zone.put("description", "west\u0000");

        Response response = http.post("/api/v1/routing/zones", zone).bearer(operator).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly("description");
    }

    @Test
    void shouldAnswerAnUnknownZoneWithNotFound() {
        Response response = http.get("/api/v1/routing/zones/" + uniqueName()).send();

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("type").asString()).isEqualTo("https://hypermesh.io/problems/zone-not-found");
    }

    private static String uniqueName() {
        return "z-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> zone(String name, double low, double high) {
        return Map.of("name", name, "description", "test zone", "bounds", Map.of(
                "min", Map.of("x", low, "y", low, "z", low),
                "max", Map.of("x", high, "y", high, "z", high)));
    }
}
