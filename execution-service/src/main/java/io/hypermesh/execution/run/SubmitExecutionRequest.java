package io.hypermesh.execution.run;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

@Schema(description = "Run one deployed asset version on k hosts. Everything but 'proof' is what the client signs: "
        + "the EXECUTION operation of docs/protocol.md is rebuilt from these fields (with the execution id that the "
        + "Idempotency-Key determines) and the proof must be over exactly that.", example = """
        {"assetId": "019abc12-3456-7def-8123-456789abcdef", "version": 1, "input": {"text": "to be or not to be"},
         "parameters": {}, "privacy": null, "redundancy": 1, "strategy": "BALANCED", "allowedZones": [],
         "clientCoordinate": {"x": 10, "y": 20, "z": 5}, "maxPrice": 2000000, "deadline": "2026-12-31T12:00:00Z",
         "proof": {"stake": {}, "work": {}, "time": {}, "space": {}}}""")
record SubmitExecutionRequest(
        @NotNull @Pattern(regexp = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", message = "must be an asset id (a UUID)")
        String assetId,
        @NotNull @Min(1) Integer version,
        @Schema(description = "Any JSON value; the program reads it on standard input. Absent means null.")
        JsonNode input,
        @Schema(description = "A JSON object overriding the asset's default parameters; absent means {}")
        JsonNode parameters,
        @Schema(description = "The privacy level to run at; absent or null means the asset's own", nullable = true)
        @Pattern(regexp = "PRIVATE|PRIVATE_NETWORK|P2P|PUBLIC_NETWORK|FULL_PUBLIC",
                message = "must be one of PRIVATE, PRIVATE_NETWORK, P2P, PUBLIC_NETWORK, FULL_PUBLIC") String privacy,
        @Schema(description = "How many hosts run it independently (k); with k >= 2 a strict majority must agree")
        @NotNull @Min(1) @Max(7) Integer redundancy,
        @NotNull @Pattern(regexp = "LATENCY|LOAD|PERFORMANCE|BALANCED", message = "must be one of LATENCY, LOAD, PERFORMANCE, BALANCED")
        String strategy,
        @Schema(description = "Only hosts in these zones (also limited by the asset's own zones); absent means any")
        @Size(max = 16) List<@NotNull @Pattern(regexp = "[a-z][a-z0-9-]{1,62}", message = "must be a zone name") String> allowedZones,
        @Valid Coordinate clientCoordinate,
        @Schema(description = "The most the client pays, in micro-CAES; a quote above it is refused (422 price-above-ceiling)")
        @NotNull @Positive @Max(1_000_000_000_000_000L) Long maxPrice,
        @Schema(description = "When the execution must have finished; past it, unfinished work is given up and refunded")
        @NotNull Instant deadline,
        @Schema(description = "The client's consensus proof over the EXECUTION operation (docs/protocol.md)")
        @NotNull JsonNode proof) {

    @Schema(description = "A point in the 3D network coordinate space")
    record Coordinate(@NotNull Double x, @NotNull Double y, @NotNull Double z) {
    }
}
