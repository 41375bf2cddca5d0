package io.hypermesh.gateway.ratelimit;

/** The outcome of counting one request: what the {@code RateLimit-*} headers say, and whether it may pass. */
public record RateLimitDecision(int limit, int count, long resetSeconds) {

    public boolean allowed() {
        return count <= limit;
    }

    public int remaining() {
        return Math.max(0, limit - count);
    }
}
