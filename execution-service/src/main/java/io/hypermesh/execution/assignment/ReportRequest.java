package io.hypermesh.execution.assignment;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Schema(description = "What the host's run produced and what it metered, signed: 'signature' is Ed25519 by the host's key "
        + "over the result attestation (docs/protocol.md §7.3). Report a run the host could not carry out "
        + "(no runtime, sandbox failure) with 'error' instead: the assignment goes to another host.", example = """
        {"exitCode": 0, "output": "6\\n", "outputDigest": "…64 hex…", "cpuMs": 35, "peakMemoryKb": 9216, "wallMs": 41,
         "signature": "…base64url…"}""")
record ReportRequest(
        @Min(-255) @Max(255) Integer exitCode,
        @Schema(description = "Standard output, UTF-8") String output,
        @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lowercase hex digits (SHA-256 of the output's UTF-8 bytes)")
        String outputDigest,
        @Min(0) @Max(2_592_000_000L) Long cpuMs,
        @Min(0) @Max(17_179_869_184L) Long peakMemoryKb,
        @Min(0) @Max(2_592_000_000L) Long wallMs,
        @Size(max = 200) String signature,
        @Schema(description = "Instead of a result: why this host could not run it") @Size(max = 2000) String error) {
}
