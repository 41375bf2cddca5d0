package io.hypermesh.protocol;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The text a key holder signs to sign in. Every field that makes a challenge unique is inside the
 * signed bytes, so a signature cannot be moved to another challenge, identity, issuer or expiry.
 *
 * <pre>hypermesh-sign-in:v1\n{audience}\n{challengeId}\n{identity}\n{nonce}\n{expiresAt epoch seconds}</pre>
 */
public record SignInChallenge(String audience, String challengeId, Identity identity, String nonce, Instant expiresAt) {

    public static final String VERSION_LINE = "hypermesh-sign-in:v1";

    public byte[] message() {
        String text = String.join("\n", VERSION_LINE, audience, challengeId, identity.value(), nonce,
                Long.toString(expiresAt.getEpochSecond()));
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
