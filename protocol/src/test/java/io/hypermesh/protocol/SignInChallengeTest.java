package io.hypermesh.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInChallengeTest {

    @Test
    void shouldPutEveryFieldIntoTheSignedBytes() {
        Identity identity = Identity.parse("hm1eh7ddx5bksrgcytl7bkai36se4nxx3kl");
        SignInChallenge challenge = new SignInChallenge("hypermesh", "c-1", identity, "n0nce", Instant.ofEpochSecond(1_800_000_000L));

        assertThat(new String(challenge.message(), StandardCharsets.UTF_8)).isEqualTo(
                "hypermesh-sign-in:v1\nhypermesh\nc-1\nhm1eh7ddx5bksrgcytl7bkai36se4nxx3kl\nn0nce\n1800000000");
    }

    @Test
    void shouldNotLetASignatureMoveToAnotherChallenge() {
        Ed25519.Signer signer = Ed25519.generate();
        Instant expiry = Instant.ofEpochSecond(1_800_000_000L);
        SignInChallenge signed = new SignInChallenge("hypermesh", "c-1", signer.identity(), "n0nce", expiry);
        SignInChallenge other = new SignInChallenge("hypermesh", "c-2", signer.identity(), "n0nce", expiry);

        byte[] signature = signer.sign(signed.message());
        assertThat(Ed25519.verify(signer.publicKey(), signed.message(), signature)).isTrue();
        assertThat(Ed25519.verify(signer.publicKey(), other.message(), signature)).isFalse();
    }
}
