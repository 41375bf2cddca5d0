package io.hypermesh.service.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A token must say when it expires, and may not live longer than the configured maximum: a validly signed
 * token without {@code exp} would otherwise be good forever. The lifetime is measured from {@code iat} when the
 * token has one, and from now otherwise (so a token cannot dodge the cap by leaving {@code iat} out). Spring's
 * own timestamp validator still checks that {@code exp} has not passed.
 */
public final class TokenLifetimeValidator implements OAuth2TokenValidator<Jwt> {

    private static final String INVALID_TOKEN = "invalid_token";

    private final Duration maximum;
    private final Clock clock;

    public TokenLifetimeValidator(Duration maximum, Clock clock) {
        this.maximum = maximum;
        this.clock = clock;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        Instant expiresAt = token.getExpiresAt();
        if (expiresAt == null) {
            return refuse("The token has no expiry (exp); tokens without one are not accepted.");
        }
        Instant from = token.getIssuedAt() != null ? token.getIssuedAt() : clock.instant();
        if (Duration.between(from, expiresAt).compareTo(maximum) > 0) {
            return refuse("The token lives longer than " + maximum + ", the most accepted.");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult refuse(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(INVALID_TOKEN, description, null));
    }
}
