package io.hypermesh.gateway.auth;

import io.hypermesh.protocol.Identity;
import io.hypermesh.protocol.SignInChallenge;
import java.time.Instant;
import java.util.UUID;

/** A challenge row; {@code expired} is judged by the database clock, the one clock all replicas share. */
record StoredChallenge(UUID id, Identity identity, String publicKey, String audience, String nonce,
                       Instant expiresAt, Instant usedAt, boolean expired) {

    boolean used() {
        return usedAt != null;
    }

    /** The protocol object whose {@code message()} the key holder signs. */
    SignInChallenge toProtocol() {
        return new SignInChallenge(audience, id.toString(), identity, nonce, expiresAt);
    }
}
