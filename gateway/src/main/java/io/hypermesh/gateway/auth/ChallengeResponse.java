package io.hypermesh.gateway.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** A challenge to sign: {@code message} is the exact UTF-8 text whose bytes the key signs. */
record ChallengeResponse(
        String challengeId,
        String audience,
        String identity,
        String nonce,
        Instant expiresAt,
        @Schema(description = "The exact UTF-8 text to sign with the Ed25519 key (lines joined by \\n)")
        String message) {

    static ChallengeResponse of(StoredChallenge challenge) {
        return new ChallengeResponse(
                challenge.id().toString(),
                challenge.audience(),
                challenge.identity().value(),
                challenge.nonce(),
                challenge.expiresAt(),
                new String(challenge.toProtocol().message(), StandardCharsets.UTF_8));
    }
}
