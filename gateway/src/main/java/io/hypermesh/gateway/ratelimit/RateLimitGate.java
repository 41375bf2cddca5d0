package io.hypermesh.gateway.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Decides who a request is counted as (the token subject, else the client address), counts it and
 * writes the {@code RateLimit-*} headers. Used by the rate-limit filter for ordinary requests and by
 * the authentication entry point for requests whose token was refused, so those are counted too.
 */
@Component
public class RateLimitGate {

    public static final String LIMIT_HEADER = "RateLimit-Limit";
    public static final String REMAINING_HEADER = "RateLimit-Remaining";
    public static final String RESET_HEADER = "RateLimit-Reset";

    private final RateLimiter limiter;
    private final RateLimitProperties properties;
    private final ClientAddressResolver clientAddress;

    RateLimitGate(RateLimiter limiter, RateLimitProperties properties, ClientAddressResolver clientAddress) {
        this.limiter = limiter;
        this.properties = properties;
        this.clientAddress = clientAddress;
    }

    /** Counts the request and writes the headers; throws {@link RateLimitExceededException} when over the limit. */
    public void admit(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (!properties.enabled()) {
            return;
        }
        Optional<RateLimitDecision> decision = authentication instanceof JwtAuthenticationToken jwt
                ? limiter.consume("sub:" + jwt.getName(), properties.authenticatedPerMinute())
                : limiter.consume("ip:" + clientAddress.resolve(request), properties.anonymousPerMinute());
        if (decision.isEmpty()) {
            return;
        }
        RateLimitDecision counted = decision.get();
        response.setHeader(LIMIT_HEADER, Integer.toString(counted.limit()));
        response.setHeader(REMAINING_HEADER, Integer.toString(counted.remaining()));
        response.setHeader(RESET_HEADER, Long.toString(counted.resetSeconds()));
        if (!counted.allowed()) {
            throw new RateLimitExceededException(counted);
        }
    }
}
