package io.hypermesh.payment.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.payment.PaymentServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokenCacheWiringTest extends PaymentServiceTest {

    @Autowired
    JwtDecoder decoder;

    @Test
    void shouldWrapTheConfiguredDecoderAndStillRefuseExpiredAndForgedTokens() {
        String alice = fundedIdentity(CAES);
        String token = clientToken(alice);

        assertThat(decoder).isInstanceOf(VerifiedTokenCache.class);
        assertThat(http.get("/api/v1/payments/accounts/" + alice).bearer(token).send().status()).isEqualTo(200);
        assertThat(http.get("/api/v1/payments/accounts/" + alice).bearer(token).send().status()).isEqualTo(200);
        assertProblem(http.get("/api/v1/payments/accounts/" + alice).bearer(TOKENS.expiredToken(alice, "client")).send(), 401,
                "unauthorized");
        assertProblem(http.get("/api/v1/payments/accounts/" + alice).bearer(token.substring(0, token.length() - 4) + "AAAA")
                .send(), 401, "unauthorized");
    }
}
