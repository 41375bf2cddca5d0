package io.hypermesh.routing.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.routing.MatrixFixtures;
import io.hypermesh.routing.RoutingServiceTest;
import io.hypermesh.routing.matrix.HostIndex;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class HostApiTest extends RoutingServiceTest {

    private final String service = TOKENS.token(freshIdentity(), "service");
    private MatrixFixtures matrix;

    @Autowired
    HostIndex index;

    @Autowired
    HostIndexSync sync;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void fixtures() {
        matrix = new MatrixFixtures(http, TOKENS.token(freshIdentity(), "operator"), service);
    }

    @Test
    void shouldPlaceAHostThenUpdateItWithAHigherVersion() {
        String zone = matrix.newZone();
        String id = MatrixFixtures.newHostId();

        Response created = matrix.putHost(id, MatrixFixtures.host(zone, 10, List.of("python"), 100, 700));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("version").asLong()).isEqualTo(1);

        Response updated = matrix.putHost(id, MatrixFixtures.host(zone, 20, List.of("python", "wasm"), 100, 700));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("version").asLong()).isEqualTo(2);
        assertThat(http.get("/api/v1/routing/hosts/" + id).bearer(service).send().json().path("runtimes").toString())
                .isEqualTo("[\"python\",\"wasm\"]");
    }

    @Test
    void shouldRefuseHostWritesFromClients() {
        Response response = http.put("/api/v1/routing/hosts/" + MatrixFixtures.newHostId(),
                        MatrixFixtures.host(matrix.newZone(), 0, List.of("python"), 0, 500))
                .bearer(TOKENS.token(freshIdentity(), "client", "host")).send();
        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void shouldRefuseAnUnknownZoneAndACoordinateOutsideTheZone() {
        Response unknown = matrix.putHost(MatrixFixtures.newHostId(), MatrixFixtures.host("no-such-zone", 0, List.of("python"), 0, 500));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().path("type").asString()).isEqualTo("https://hypermesh.io/problems/unknown-zone");

        Response outside = matrix.putHost(MatrixFixtures.newHostId(), MatrixFixtures.host(matrix.newZone(), 5000, List.of("python"), 0, 500));
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.json().path("type").asString()).isEqualTo("https://hypermesh.io/problems/coordinate-outside-zone");
    }

    @Test
    void shouldNameInvalidHostFields() {
        Map<String, Object> invalid = Map.of("zone", "", "runtimes", List.of(), "cpuCores", 0, "memoryMb", -1,
                "storageMb", 1, "privacyLevels", List.of("P2P"), "loadPermille", 1001);
        Response response = matrix.putHost(MatrixFixtures.newHostId(), invalid);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("zone", "runtimes", "cpuCores", "memoryMb", "loadPermille");
    }

    @Test
    void shouldRecordLoadFromHeartbeats() {
        String id = MatrixFixtures.newHostId();
        matrix.putHost(id, MatrixFixtures.host(matrix.newZone(), 0, List.of("python"), 0, 500));

        Response loaded = http.put("/api/v1/routing/hosts/" + id + "/load", Map.of("loadPermille", 640, "reputation", 810))
                .bearer(service).send();

        assertThat(loaded.status()).isEqualTo(200);
        assertThat(index.get(id)).get().satisfies(host -> {
            assertThat(host.loadPermille()).isEqualTo(640);
            assertThat(host.reputation()).isEqualTo(810);
        });
    }

    @Test
    void shouldMoveAHostAwayFromAPeerThatIsFartherThanItsCoordinateSays() {
        String zone = matrix.newZone();
        String self = MatrixFixtures.newHostId();
        String peer = MatrixFixtures.newHostId();
        matrix.putHost(self, MatrixFixtures.host(zone, 10, List.of("python"), 0, 500));
        matrix.putHost(peer, MatrixFixtures.host(zone, 0, List.of("python"), 0, 500));

        Response moved = http.post("/api/v1/routing/hosts/" + self + "/rtt-samples", Map.of("peerHostId", peer, "rttMillis", 50))
                .bearer(service).send();

        // Both errors 1.0: w = 0.5, step = 0.25 * 0.5 * (50 - 10) = 5 along +x.
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().path("coordinate").path("x").asDouble()).isEqualTo(15.0);
        assertThat(moved.json().path("coordinateError").asDouble()).isLessThan(1.0);
    }

    @Test
    void shouldForgetARemovedHost() {
        String id = MatrixFixtures.newHostId();
        matrix.putHost(id, MatrixFixtures.host(matrix.newZone(), 0, List.of("python"), 0, 500));

        assertThat(http.delete("/api/v1/routing/hosts/" + id).bearer(service).send().status()).isEqualTo(204);
        assertThat(http.get("/api/v1/routing/hosts/" + id).bearer(service).send().status()).isEqualTo(404);
        assertThat(index.get(id)).isEmpty();
        assertThat(http.delete("/api/v1/routing/hosts/" + id).bearer(service).send().status()).isEqualTo(404);
    }

    @Test
    void shouldRebuildTheIndexFromTheTableAtStart() {
        String id = MatrixFixtures.newHostId();
        matrix.putHost(id, MatrixFixtures.host(matrix.newZone(), 0, List.of("python"), 0, 500));
        index.rebuild(List.of());
        assertThat(index.get(id)).isEmpty();

        sync.loadAll();

        assertThat(index.get(id)).isPresent();
    }

    @Test
    void shouldPickUpHostsWrittenByAnotherReplica() {
        String id = MatrixFixtures.newHostId();
        String zone = matrix.newZone();
        // Another replica's write: straight into the shared table, not through this replica's API.
        jdbc.sql("""
                insert into hosts (id, zone, x, y, z, coordinate_error, runtimes, cpu_cores, memory_mb, storage_mb, gpu_model,
                                   gpu_memory_mb, privacy_levels, load_permille, reputation, version, removed, updated_at)
                values (:id, :zone, 1, 2, 3, 1.0, array['python'], 2, 1024, 0, null, 0, 31, 0, 500, 1, false, clock_timestamp())""")
                .param("id", id).param("zone", zone).update();

        await().atMost(Duration.ofSeconds(10)).until(() -> index.get(id).isPresent());
    }
}
