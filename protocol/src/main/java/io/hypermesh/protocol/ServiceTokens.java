package io.hypermesh.protocol;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A service's own bearer token for calls to other services: the service signs in at the gateway with its key and
 * role {@code service} (its identity must be in the gateway's {@code HYPERMESH_SERVICE_IDENTITIES}), keeps the
 * token, and signs in again shortly before it expires or after a callee refused it. One sign-in serves every call
 * in between, so a busy service does not sign in per request.
 */
public final class ServiceTokens {

    /** One sign-in round trip; {@link GatewaySignIn} in production. */
    @FunctionalInterface
    public interface SignIn {
        GatewaySignIn.Token signIn() throws IOException;
    }

    /** Renew at most this long before expiry, so a token does not expire in flight... */
    private static final Duration MAX_MARGIN = Duration.ofSeconds(60);

    private final SignIn signIn;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    public ServiceTokens(SignIn signIn, Clock clock) {
        this.signIn = signIn;
        this.clock = clock;
    }

    /** Tokens from the gateway at {@code gateway}, signed in with {@code key} as role {@code service}. */
    public static ServiceTokens fromGateway(URI gateway, Ed25519.Signer key, Clock clock) {
        GatewaySignIn client = new GatewaySignIn(gateway);
        return new ServiceTokens(() -> client.signIn(key, List.of("service")), clock);
    }

    /** A token valid for a while yet; signs in when there is none or it is close to expiry. */
    public synchronized String bearer() throws IOException {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(renewAt)) {
            GatewaySignIn.Token fresh = signIn.signIn();
            if (!fresh.roles().contains("service")) {
                throw new GatewaySignIn.SignInException("the gateway did not grant role service to " + fresh.identity()
                        + "; add it to HYPERMESH_SERVICE_IDENTITIES");
            }
            Duration lifetime = Duration.ofSeconds(fresh.expiresInSeconds());
            // ...and at most a fifth of its lifetime early, so short-lived tokens are still reused.
            Duration margin = lifetime.dividedBy(5).compareTo(MAX_MARGIN) < 0 ? lifetime.dividedBy(5) : MAX_MARGIN;
            token = fresh.accessToken();
            renewAt = now.plus(lifetime).minus(margin);
        }
        return token;
    }

    /** A callee answered 401 to {@code refused}: sign in again on the next call (unless that already happened). */
    public synchronized void refused(String refused) {
        if (refused.equals(token)) {
            token = null;
        }
    }
}
