package io.hypermesh.gateway.auth;

import io.hypermesh.gateway.web.ProblemTypes;
import java.net.URI;
import org.springframework.http.HttpStatus;

/** Why a sign-in was refused; each reason has its own Problem Details type so a client can tell them apart. */
public enum SignInFailure {
    CHALLENGE_UNKNOWN(HttpStatus.UNAUTHORIZED, "challenge-unknown", "Unknown challenge",
            "No such challenge was issued here; request a new one."),
    CHALLENGE_EXPIRED(HttpStatus.UNAUTHORIZED, "challenge-expired", "Challenge expired",
            "The challenge expired before it was answered; request a new one."),
    CHALLENGE_USED(HttpStatus.UNAUTHORIZED, "challenge-used", "Challenge already used",
            "A challenge can be answered once; request a new one."),
    BAD_SIGNATURE(HttpStatus.UNAUTHORIZED, "bad-signature", "Bad signature",
            "The signature does not verify against the public key over the challenge message."),
    IDENTITY_MISMATCH(HttpStatus.UNAUTHORIZED, "identity-mismatch", "Identity mismatch",
            "The public key does not belong to the identity the challenge was issued for."),
    ROLE_NOT_ALLOWED(HttpStatus.FORBIDDEN, "role-not-allowed", "Role not allowed",
            "The operator and service roles are granted only to identities listed in the gateway's configuration.");

    private final HttpStatus status;
    private final URI type;
    private final String title;
    private final String detail;

    SignInFailure(HttpStatus status, String slug, String title, String detail) {
        this.status = status;
        this.type = ProblemTypes.of(slug);
        this.title = title;
        this.detail = detail;
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }
}
