package io.hypermesh.gateway.ratelimit;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts requests per caller in PostgreSQL, so the limit holds across every gateway replica.
 *
 * <p>It fails open: when the counter store cannot be reached the request passes without a count
 * (and without RateLimit headers), a warning is logged and {@code hypermesh.gateway.ratelimit.fail.open}
 * is counted. A rate limiter exists to protect the services; turning a database hiccup into a full
 * API outage would do them more harm than a minute without limits. A circuit breaker around the store
 * keeps a dead database from adding its connection timeout to every request.
 */
@Component
public class RateLimiter {

    static final String STORE_CIRCUIT = "rate-limit-store";
    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    private static final Duration KEEP_WINDOWS = Duration.ofMinutes(2);

    private final RateLimitRepository repository;
    private final CircuitBreakerFactory<?, ?> circuitBreakers;
    private final Counter failOpen;

    RateLimiter(RateLimitRepository repository, CircuitBreakerFactory<?, ?> circuitBreakers, MeterRegistry meters) {
        this.repository = repository;
        this.circuitBreakers = circuitBreakers;
        this.failOpen = Counter.builder("hypermesh.gateway.ratelimit.fail.open")
                .description("Requests let through uncounted because the rate-limit store failed")
                .register(meters);
    }

    /** Counts one request of {@code key}; empty when the store failed and the request passes uncounted. */
    public Optional<RateLimitDecision> consume(String key, int limit) {
        return circuitBreakers.create(STORE_CIRCUIT).run(
                () -> {
                    RateLimitRepository.WindowCount window = repository.increment(key);
                    return Optional.of(new RateLimitDecision(limit, window.count(), window.resetSeconds()));
                },
                failure -> {
                    failOpen.increment();
                    if (failure instanceof CallNotPermittedException) {
                        log.debug("Rate-limit store circuit is open; request passes uncounted");
                    } else {
                        log.warn("Rate limiting skipped: the counter store failed ({}); request passes uncounted",
                                String.valueOf(failure));
                    }
                    return Optional.empty();
                });
    }

    @Scheduled(fixedDelayString = "${hypermesh.gateway.rate-limit.cleanup-interval:PT1M}", initialDelayString = "PT30S")
    void deleteOldWindows() {
        try {
            repository.deleteWindowsOlderThan(KEEP_WINDOWS);
        } catch (RuntimeException e) {
            log.warn("Could not delete old rate-limit windows: {}", e.toString());
        }
    }
}
