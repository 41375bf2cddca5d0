package io.hypermesh.deploy.host;

import io.hypermesh.protocol.CanonicalJson;
import io.hypermesh.protocol.Digests;
import io.hypermesh.protocol.Ed25519;
import io.hypermesh.protocol.GatewaySignIn;
import io.hypermesh.protocol.KeyFile;
import io.hypermesh.protocol.ResultAttestation;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A volunteer host for the tests, run as its own process: it signs in with its key, joins, heartbeats, long-polls
 * for assignments and really runs each with the local {@code python3} — the asset's code is loaded, its entrypoint is
 * called with the input (and the parameters as keyword arguments) and the JSON of its return value is the output —
 * then reports the metered, signed result. Not the product's host (that is {@code hypermesh host serve}); it speaks
 * the same API.
 *
 * <p>Arguments: gateway URL, key file, zone, and a behaviour: {@code honest}, {@code wrong} (reports a different
 * output, signed), or {@code vanish} (leases the work, then exits without reporting, as a killed host would).
 */
public final class TestHost {

    /** Loads the code, calls the entrypoint, writes the result's JSON to stdout and the metering to argv[3]. */
    public static final String RUNNER = """
            import json, resource, sys
            code_path, entrypoint, metrics_path = sys.argv[1], sys.argv[2], sys.argv[3]
            request = json.load(sys.stdin)
            namespace = {"__name__": "hypermesh_asset"}
            with open(code_path) as source:
                exec(compile(source.read(), code_path, "exec"), namespace)
            result = namespace[entrypoint](request["input"], **request["parameters"])
            sys.stdout.write(json.dumps(result, sort_keys=True, separators=(",", ":"), ensure_ascii=False))
            sys.stdout.flush()
            usage = resource.getrusage(resource.RUSAGE_SELF)
            with open(metrics_path, "w") as metrics:
                json.dump({"cpuMs": int((usage.ru_utime + usage.ru_stime) * 1000), "peakMemoryKb": usage.ru_maxrss}, metrics)
            """;

    private final URI gateway;
    private final Ed25519.Signer key;
    private final String id;
    private final String behaviour;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile String token;

    private TestHost(URI gateway, Ed25519.Signer key, String behaviour) {
        this.gateway = gateway;
        this.key = key;
        this.id = key.identity().value();
        this.behaviour = behaviour;
    }

    public static void main(String[] args) throws Exception {
        TestHost host = new TestHost(URI.create(args[0]), KeyFile.read(Path.of(args[1])), args[3]);
        host.run(args[2]);
    }

    private void run(String zone) throws Exception {
        token = new GatewaySignIn(gateway).signIn(key, List.of("host")).accessToken();
        ObjectNode join = JsonNodeFactory.instance.objectNode();
        join.put("publicKey", key.publicKey().toBase64Url());
        join.putObject("resources").put("cpuCores", 2).put("memoryMb", 2048).put("storageMb", 1000);
        join.putArray("runtimes").add("python");
        join.putArray("privacyCapabilities").add("FULL_PUBLIC").add("PUBLIC_NETWORK").add("P2P");
        join.put("zone", zone);
        join.putObject("coordinate").put("x", 5).put("y", 5).put("z", 5);
        JsonNode joined = send("POST", "/api/v1/hosts", join);
        System.out.println("joined " + joined.path("id").asString());
        Thread heartbeats = new Thread(this::heartbeat, "heartbeats");
        heartbeats.setDaemon(true);
        heartbeats.start();
        while (true) {
            try {
                JsonNode offers = send("GET", "/api/v1/hosts/" + id + "/assignments?wait=20", null);
                for (JsonNode offer : offers.path("assignments")) {
                    work(offer.path("id").asString());
                }
            } catch (IOException e) {
                // A refused lease (someone was faster, the offer ran out) or the gateway down: poll again shortly.
                System.out.println("poll or work failed: " + e.getMessage());
                Thread.sleep(500);
            }
        }
    }

    private void heartbeat() {
        ObjectNode beat = JsonNodeFactory.instance.objectNode().put("load", 100).put("runningAssignments", 0);
        while (true) {
            try {
                send("POST", "/api/v1/hosts/" + id + "/heartbeats", beat);
            } catch (Exception e) {
                System.out.println("heartbeat failed: " + e.getMessage());
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void work(String assignment) throws Exception {
        send("POST", "/api/v1/assignments/" + assignment + "/lease", null);
        JsonNode work = send("GET", "/api/v1/assignments/" + assignment + "/work", null);
        if ("vanish".equals(behaviour)) {
            System.out.println("vanishing with " + assignment);
            Runtime.getRuntime().halt(137);
        }
        Path dir = Files.createTempDirectory("test-host");
        Path code = Files.writeString(dir.resolve("asset.py"), work.path("code").asString());
        Path runner = Files.writeString(dir.resolve("runner.py"), RUNNER);
        Path metrics = dir.resolve("metrics.json");
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.set("input", work.path("input"));
        request.set("parameters", work.path("parameters"));
        long started = System.nanoTime();
        Process python = new ProcessBuilder("python3", runner.toString(), code.toString(), work.path("entrypoint").asString(),
                metrics.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        python.getOutputStream().write(CanonicalJson.canonicalize(request));
        python.getOutputStream().close();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean ended = python.waitFor(work.path("limits").path("maxRuntimeSeconds").asInt(), TimeUnit.SECONDS);
        long wallMs = (System.nanoTime() - started) / 1_000_000;
        if (!ended) {
            python.destroyForcibly();
            send("POST", "/api/v1/assignments/" + assignment + "/result",
                    JsonNodeFactory.instance.objectNode().put("error", "ran past maxRuntimeSeconds"));
            return;
        }
        if ("wrong".equals(behaviour)) {
            output = output + " (tampered)";
        }
        JsonNode metered = Files.exists(metrics) ? CanonicalJson.parse(Files.readString(metrics))
                : JsonNodeFactory.instance.objectNode().put("cpuMs", 0).put("peakMemoryKb", 0);
        String digest = Digests.sha256Hex(output.getBytes(StandardCharsets.UTF_8));
        ResultAttestation attestation = new ResultAttestation(work.path("executionId").asString(), assignment, id,
                python.exitValue(), digest, metered.path("cpuMs").asLong(), metered.path("peakMemoryKb").asLong(), wallMs);
        ObjectNode report = JsonNodeFactory.instance.objectNode();
        report.put("exitCode", python.exitValue());
        report.put("output", output);
        report.put("outputDigest", digest);
        report.put("cpuMs", attestation.cpuMs());
        report.put("peakMemoryKb", attestation.peakMemoryKb());
        report.put("wallMs", wallMs);
        report.put("signature", attestation.sign(key));
        send("POST", "/api/v1/assignments/" + assignment + "/result", report);
        System.out.println("reported " + assignment + " exit " + python.exitValue() + " in " + wallMs + " ms");
    }

    private JsonNode send(String method, String path, JsonNode body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(40))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(CanonicalJson.canonicalString(body)));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JsonNodeFactory.instance.objectNode() : CanonicalJson.parse(response.body());
    }
}
