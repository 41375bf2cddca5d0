package io.hypermesh.routing.selection;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.routing.MatrixFixtures;
import io.hypermesh.routing.RoutingServiceTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SelectionApiTest extends RoutingServiceTest {

    private final String client = TOKENS.token(freshIdentity(), "client");
    private MatrixFixtures matrix;
    private String zone;

    @BeforeEach
    void threeHosts() {
        matrix = new MatrixFixtures(http, TOKENS.token(freshIdentity(), "operator"), TOKENS.token(freshIdentity(), "service"));
        zone = matrix.newZone();
        matrix.putHost("near-busy-" + zone, MatrixFixtures.host(zone, 5, List.of("python"), 900, 300));
        matrix.putHost("mid-idle-" + zone, MatrixFixtures.host(zone, 60, List.of("python"), 0, 500));
        matrix.putHost("far-trusted-" + zone, MatrixFixtures.host(zone, 300, List.of("python", "wasm"), 500, 1000));
    }

    @Test
    void shouldRankByEachStrategy() {
        assertThat(ids(select("LATENCY", 3, "python", List.of()))).containsExactly("near-busy-" + zone, "mid-idle-" + zone, "far-trusted-" + zone);
        assertThat(ids(select("LOAD", 1, "python", List.of()))).containsExactly("mid-idle-" + zone);
        assertThat(ids(select("PERFORMANCE", 1, "python", List.of()))).containsExactly("far-trusted-" + zone);
    }

    @Test
    void shouldBreakEachScoreIntoTermsThatAddUp() {
        JsonNode first = select("BALANCED", 1, "python", List.of()).json().path("hosts").path(0);
        JsonNode breakdown = first.path("breakdown");

        double sum = breakdown.path("latency").asDouble() + breakdown.path("load").asDouble() + breakdown.path("performance").asDouble();
        assertThat(sum).isCloseTo(first.path("score").asDouble(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(first.path("rank").asInt()).isEqualTo(1);
    }

    @Test
    void shouldLeaveOutExcludedHostsAndSayWhenFewerThanKQualify() {
        Response response = select("LATENCY", 3, "wasm", List.of());
        assertThat(ids(response)).containsExactly("far-trusted-" + zone);
        assertThat(response.json().path("complete").asBoolean()).isFalse();

        Response excluded = select("LATENCY", 3, "wasm", List.of("far-trusted-" + zone));
        assertThat(excluded.status()).isEqualTo(422);
        assertThat(excluded.json().path("constraint").asString()).isEqualTo("exclusion");
    }

    @Test
    void shouldNameTheConstraintThatLeftNoHost() {
        Response response = select("LATENCY", 1, "julia", List.of());

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().path("type").asString()).isEqualTo("https://hypermesh.io/problems/no-eligible-hosts");
        assertThat(response.json().path("constraint").asString()).isEqualTo("runtime");
        assertThat(response.json().path("detail").asString()).contains("julia");
    }

    @Test
    void shouldNameInvalidSelectionFields() {
        Response response = http.post("/api/v1/routing/selections", Map.of("k", 0, "strategy", "LATENCY",
                "privacyLevel", "P2P", "requirements", Map.of("runtime", ""))).bearer(client).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("k", "clientCoordinate", "requirements.runtime");
    }

    private Response select(String strategy, int k, String runtime, List<String> excluded) {
        return http.post("/api/v1/routing/selections", Map.of(
                "requirements", Map.of("runtime", runtime, "cpuCores", 1),
                "privacyLevel", "P2P", "allowedZones", List.of(zone),
                "clientCoordinate", Map.of("x", 0, "y", 0, "z", 0),
                "k", k, "excludedHosts", excluded, "strategy", strategy)).bearer(client).send();
    }

    private static List<String> ids(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("hosts").findValuesAsString("hostId");
    }
}
