package io.hypermesh.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdentityTest {

    @Test
    void shouldDeriveTheDocumentedIdentityFromTheRfc8032TestKey() {
        // Computed independently: "hm1" + base32(sha256(pk)[0:20]).lower() without padding.
        Ed25519.PublicKeyBytes key = Ed25519.PublicKeyBytes.fromBase64Url("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo");
        assertThat(Identity.of(key).value()).isEqualTo("hm1eh7ddx5bksrgcytl7bkai36se4nxx3kl");
        assertThat(Identity.of(key).isDerivedFrom(key)).isTrue();
    }

    @Test
    void shouldGiveDifferentKeysDifferentIdentities() {
        assertThat(Ed25519.generate().identity()).isNotEqualTo(Ed25519.generate().identity());
    }

    @Test
    void shouldRefuseMalformedIdentities() {
        assertThat(Identity.isValid("hm1eh7ddx5bksrgcytl7bkai36se4nxx3kl")).isTrue();
        assertThat(Identity.isValid("hm1EH7DDX5BKSRGCYTL7BKAI36SE4NXX3KL")).isFalse();
        assertThat(Identity.isValid("hm1eh7ddx5bksrgcytl7bkai36se4nxx3k")).isFalse();
        assertThatThrownBy(() -> Identity.parse("alice")).isInstanceOf(IllegalArgumentException.class);
    }
}
