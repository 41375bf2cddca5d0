package io.hypermesh.execution.host;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

@Schema(description = "A host joining the network; the caller's identity becomes the host id", example = """
        {"publicKey": "Jx1tO2pKq8m0bY7h4wV9s3cRf6uE5aLdZi0gN2oP4Qk",
         "resources": {"cpuCores": 8, "memoryMb": 16384, "storageMb": 102400, "gpu": {"model": "nvidia-t4", "memoryMb": 16384}},
         "runtimes": ["python", "wasm"], "privacyCapabilities": ["P2P", "PUBLIC_NETWORK", "FULL_PUBLIC"],
         "zone": "eu-west", "coordinate": {"x": 12.5, "y": -3.0, "z": 40.0}}""")
record JoinHostRequest(
        @Schema(description = "The host's raw 32-byte Ed25519 public key, unpadded base64url; it must derive the caller's identity")
        @NotBlank @Size(max = 64) String publicKey,
        @NotNull @Valid HostResources resources,
        @NotEmpty @Size(max = 4) List<@NotNull @Pattern(regexp = Runtimes.PATTERN, message = Runtimes.MESSAGE) String> runtimes,
        @Schema(description = "The privacy levels this host can honour; may be empty")
        @NotNull @Size(max = 5)
        List<@NotNull @Pattern(regexp = PrivacyLevels.PATTERN, message = PrivacyLevels.MESSAGE) String> privacyCapabilities,
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,62}", message = "must be a zone name") String zone,
        @NotNull @Valid Coordinate coordinate) {
}
