package io.hypermesh.payment.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hypermesh.payment.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokenCacheTest {

    private final MutableClock clock = new MutableClock();
    private final List<String> verified = new ArrayList<>();
    private Instant expiresAt = clock.instant().plus(Duration.ofMinutes(5));

    /** Stands in for the signature check: accepts every token but "forged", and records each check. */
    private final JwtDecoder verifier = token -> {
        verified.add(token);
        if (token.equals("forged")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("hm1" + token)
                .issuedAt(expiresAt.minus(Duration.ofMinutes(5))).expiresAt(expiresAt).build();
    };
    private final VerifiedTokenCache cache = new VerifiedTokenCache(verifier, clock);

    @Test
    void shouldVerifyEachTokenOnceWhileItIsFresh() {
        Jwt first = cache.decode("a");
        Jwt again = cache.decode("a");
        cache.decode("b");

        assertThat(again).isSameAs(first);
        assertThat(verified).containsExactly("a", "b");
    }

    @Test
    void shouldVerifyAgainAfterTheMaximumAge() {
        cache.decode("a");
        clock.advance(VerifiedTokenCache.MAX_AGE);
        cache.decode("a");

        assertThat(verified).containsExactly("a", "a");
    }

    @Test
    void shouldNeverServeATokenAtOrPastItsExpiry() {
        expiresAt = clock.instant().plusSeconds(10);
        cache.decode("a");
        clock.advance(Duration.ofSeconds(10));
        cache.decode("a");

        assertThat(verified).containsExactly("a", "a");
    }

    @Test
    void shouldNotRememberRefusals() {
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(verified).containsExactly("forged", "forged");
    }
}
