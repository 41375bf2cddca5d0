package io.hypermesh.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceTokensTest {

    private Instant now = Instant.parse("2026-11-25T12:00:00Z");
    private int signIns;
    private List<String> grantedRoles = List.of("service");

    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    /** Each sign-in answers a new 15-minute token, as the gateway does. */
    private final ServiceTokens tokens = new ServiceTokens(() -> {
        signIns++;
        return new GatewaySignIn.Token("token-" + signIns, "hm1service", grantedRoles, 900);
    }, clock);

    @Test
    void shouldReuseOneTokenUntilShortlyBeforeItExpires() throws IOException {
        assertThat(tokens.bearer()).isEqualTo("token-1");
        now = now.plus(Duration.ofSeconds(839));
        assertThat(tokens.bearer()).isEqualTo("token-1");

        now = now.plus(Duration.ofSeconds(1));
        assertThat(tokens.bearer()).isEqualTo("token-2");
        assertThat(signIns).isEqualTo(2);
    }

    @Test
    void shouldRenewAShortLivedTokenAFifthOfItsLifetimeEarly() throws IOException {
        ServiceTokens shortLived = new ServiceTokens(() -> {
            signIns++;
            return new GatewaySignIn.Token("short-" + signIns, "hm1service", List.of("service"), 100);
        }, clock);
        assertThat(shortLived.bearer()).isEqualTo("short-1");
        now = now.plus(Duration.ofSeconds(79));
        assertThat(shortLived.bearer()).isEqualTo("short-1");
        now = now.plus(Duration.ofSeconds(1));
        assertThat(shortLived.bearer()).isEqualTo("short-2");
    }

    @Test
    void shouldSignInAgainAfterACalleeRefusedTheToken() throws IOException {
        String first = tokens.bearer();
        tokens.refused("some older token");
        assertThat(tokens.bearer()).isEqualTo(first);

        tokens.refused(first);
        assertThat(tokens.bearer()).isEqualTo("token-2");
    }

    @Test
    void shouldFailWhenTheGatewayDoesNotGrantRoleService() {
        grantedRoles = List.of("client");

        assertThatThrownBy(tokens::bearer).isInstanceOf(GatewaySignIn.SignInException.class)
                .hasMessageContaining("HYPERMESH_SERVICE_IDENTITIES");
    }
}
