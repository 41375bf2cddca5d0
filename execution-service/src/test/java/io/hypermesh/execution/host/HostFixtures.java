package io.hypermesh.execution.host;

import io.hypermesh.protocol.Ed25519;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A volunteer host for tests: its own key pair, hence its own identity. */
final class HostFixtures {

    static final String HOSTS = "/api/v1/hosts";

    private HostFixtures() {
    }

    static Ed25519.Signer newHostKey() {
        return Ed25519.generate();
    }

    static String idOf(Ed25519.Signer key) {
        return key.identity().value();
    }

    static Map<String, Object> joinBody(Ed25519.Signer key, String... runtimes) {
        Map<String, Object> body = new HashMap<>();
        body.put("publicKey", key.publicKey().toBase64Url());
        body.put("resources", Map.of("cpuCores", 8, "memoryMb", 16384, "storageMb", 102400,
                "gpu", Map.of("model", "nvidia-t4", "memoryMb", 16384)));
        body.put("runtimes", runtimes.length == 0 ? List.of("python", "wasm") : List.of(runtimes));
        body.put("privacyCapabilities", List.of("P2P", "FULL_PUBLIC"));
        body.put("zone", "eu-west");
        body.put("coordinate", Map.of("x", 12.5, "y", -3.0, "z", 40.0));
        return body;
    }

    static Map<String, Object> heartbeat(int load, int runningAssignments) {
        return Map.of("load", load, "runningAssignments", runningAssignments);
    }
}
