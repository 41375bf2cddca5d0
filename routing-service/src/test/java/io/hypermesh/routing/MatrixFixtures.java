package io.hypermesh.routing;

import io.hypermesh.devsupport.TestHttp;
import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.protocol.Ed25519;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Zones and hosts created over the API, each test in a zone of its own so tests never see each other's hosts. */
public final class MatrixFixtures {

    private final TestHttp http;
    private final String operatorToken;
    private final String serviceToken;

    public MatrixFixtures(TestHttp http, String operatorToken, String serviceToken) {
        this.http = http;
        this.operatorToken = operatorToken;
        this.serviceToken = serviceToken;
    }

    public String newZone() {
        String name = "z-" + UUID.randomUUID().toString().substring(0, 8);
        Response created = http.post("/api/v1/routing/zones", Map.of("name", name, "bounds", Map.of(
                "min", Map.of("x", -1000, "y", -1000, "z", -1000), "max", Map.of("x", 1000, "y", 1000, "z", 1000))))
                .bearer(operatorToken).send();
        if (created.status() != 201) {
            throw new IllegalStateException(created.body());
        }
        return name;
    }

    public static String newHostId() {
        return Ed25519.generate().identity().value();
    }

    public static Map<String, Object> host(String zone, double x, List<String> runtimes, int load, int reputation) {
        return Map.of("zone", zone, "coordinate", Map.of("x", x, "y", 0, "z", 0), "runtimes", runtimes,
                "cpuCores", 4, "memoryMb", 8192, "storageMb", 50_000,
                "privacyLevels", List.of("P2P", "PUBLIC_NETWORK", "FULL_PUBLIC"), "loadPermille", load, "reputation", reputation);
    }

    public Response putHost(String id, Map<String, Object> body) {
        return http.put("/api/v1/routing/hosts/" + id, body).bearer(serviceToken).send();
    }
}
