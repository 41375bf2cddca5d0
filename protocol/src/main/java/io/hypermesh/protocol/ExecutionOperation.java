package io.hypermesh.protocol;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The EXECUTION operation a client signs (docs/protocol.md §EXECUTION): what it asks to run, where, how often and
 * at most for how much. execution-service rebuilds it from the request and relays the client's proof over it to
 * the ledger, so a proof over anything else is refused. Input and parameters enter as SHA-256 digests of their
 * RFC 8785 canonical form: the block commits to them without publishing them.
 *
 * @param privacy  the privacy level asked for, or null for the asset's own
 * @param clientCoordinate where the client is in the network space, or null
 */
public record ExecutionOperation(String executionId, String client, String assetId, int version, JsonNode input,
        JsonNode parameters, String privacy, int redundancy, String strategy, List<String> allowedZones,
        Coordinate clientCoordinate, long maxPrice, Instant deadline) {

    public static final String BLOCK_TYPE = "EXECUTION";
    private static final String ID_DOMAIN = "hypermesh-execution:v1";

    public record Coordinate(double x, double y, double z) {
    }

    public ExecutionOperation {
        input = input == null ? JsonNodeFactory.instance.nullNode() : input;
        parameters = parameters == null ? JsonNodeFactory.instance.objectNode() : parameters;
        allowedZones = allowedZones == null ? List.of() : allowedZones.stream().distinct().sorted().toList();
        deadline = Instant.ofEpochMilli(deadline.toEpochMilli());
    }

    /**
     * The execution's id: {@code "ex-"} and the first 32 hex digits of SHA-256 over
     * {@code "hypermesh-execution:v1\n" + client + "\n" + idempotencyKey} (UTF-8). The client knows it before it
     * submits (it is part of what it signs), and a retry under the same key names the same execution.
     */
    public static String executionId(String client, String idempotencyKey) {
        String text = ID_DOMAIN + "\n" + client + "\n" + idempotencyKey;
        return "ex-" + Digests.sha256Hex(text.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }

    /** The payload as a JSON object; its canonical form is what the proof commits to. */
    public ObjectNode payload() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode payload = nodes.objectNode();
        ArrayNode zones = payload.putArray("allowedZones");
        allowedZones.forEach(zones::add);
        payload.put("assetId", assetId);
        payload.put("client", client);
        if (clientCoordinate == null) {
            payload.putNull("clientCoordinate");
        } else {
            payload.putObject("clientCoordinate").put("x", clientCoordinate.x()).put("y", clientCoordinate.y())
                    .put("z", clientCoordinate.z());
        }
        payload.put("deadline", deadline.toEpochMilli());
        payload.put("executionId", executionId);
        payload.put("inputDigest", digestOf(input));
        payload.put("maxPrice", maxPrice);
        payload.put("parametersDigest", digestOf(parameters));
        if (privacy == null) {
            payload.putNull("privacy");
        } else {
            payload.put("privacy", privacy);
        }
        payload.put("redundancy", redundancy);
        payload.put("strategy", strategy);
        payload.put("version", version);
        return payload;
    }

    public String canonical() {
        return CanonicalJson.canonicalString(payload());
    }

    public String inputJson() {
        return CanonicalJson.canonicalString(input);
    }

    public String parametersJson() {
        return CanonicalJson.canonicalString(parameters);
    }

    public String allowedZonesJson() {
        ArrayNode zones = JsonNodeFactory.instance.arrayNode();
        allowedZones.forEach(zones::add);
        return CanonicalJson.canonicalString(zones);
    }

    /** SHA-256 of the value's RFC 8785 canonical form, 64 lowercase hex digits. */
    public static String digestOf(JsonNode value) {
        return Digests.sha256Hex(CanonicalJson.canonicalize(value));
    }
}
