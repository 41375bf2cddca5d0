package io.hypermesh.gateway.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Answers a challenge with a signature and asks for a token with the given roles. */
record CreateTokenRequest(
        @NotBlank
        @Pattern(regexp = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
                message = "must be a challenge id (a UUID)")
        String challengeId,

        @NotBlank
        @Pattern(regexp = "[A-Za-z0-9_-]{43}", message = "must be the unpadded base64url of a 32-byte Ed25519 public key")
        String publicKey,

        @Schema(description = "Unpadded base64url of the 64-byte Ed25519 signature over the challenge message")
        @NotBlank
        @Pattern(regexp = "[A-Za-z0-9_-]{86}", message = "must be the unpadded base64url of a 64-byte Ed25519 signature")
        String signature,

        @Schema(description = "Roles to put in the token; client and host are self-service, operator must be configured",
                defaultValue = "[\"client\"]", allowableValues = {"client", "host", "operator"})
        @Size(min = 1, max = 3)
        List<@NotNull @Pattern(regexp = Role.PATTERN, message = "must be one of client, host, operator, service") String> roles) {
}
