package io.hypermesh.gateway.ratelimit;

/** The caller used up its window; the answer is 429 with {@code Retry-After}. */
public class RateLimitExceededException extends RuntimeException {

    private final RateLimitDecision decision;

    RateLimitExceededException(RateLimitDecision decision) {
        super("Rate limit of " + decision.limit() + " requests per minute reached; retry in "
                + decision.resetSeconds() + " s");
        this.decision = decision;
    }

    public RateLimitDecision decision() {
        return decision;
    }
}
