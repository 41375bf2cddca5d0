package io.hypermesh.gateway.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Asks for a sign-in challenge for the identity of {@code publicKey}. */
record CreateChallengeRequest(
        @Schema(description = "Unpadded base64url of the raw 32-byte Ed25519 public key",
                example = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo")
        @NotBlank
        @Pattern(regexp = "[A-Za-z0-9_-]{43}", message = "must be the unpadded base64url of a 32-byte Ed25519 public key")
        String publicKey) {
}
