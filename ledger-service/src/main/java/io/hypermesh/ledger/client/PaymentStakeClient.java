package io.hypermesh.ledger.client;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.hypermesh.protocol.Identity;
import java.time.Clock;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.service.annotation.GetExchange;

/** Stakes from payment-service's public stake API, cached briefly, behind a circuit breaker. */
final class PaymentStakeClient implements StakeClient {

    /** payment-service's {@code GET /api/v1/payments/stakes/{identity}}: {@code staked} is the bonded stake. */
    interface Stakes {
        @GetExchange("/api/v1/payments/stakes/{identity}")
        StakeView stake(@PathVariable String identity);
    }

    record StakeView(String identity, long staked) {
    }

    private final Stakes stakes;
    private final CircuitBreaker breaker = RemoteLookups.circuitBreaker("payment");
    private final ExpiringCache<Identity, Long> cache;

    PaymentStakeClient(Stakes stakes, ClientProperties properties, Clock clock) {
        this.stakes = stakes;
        this.cache = new ExpiringCache<>(properties.stakeCacheTtl(), clock);
    }

    @Override
    public long stakedMicroCaes(Identity identity) {
        return cache.get(identity).orElseGet(() -> {
            long staked;
            try {
                staked = RemoteLookups.call(breaker, () -> stakes.stake(identity.value()).staked(),
                        e -> new StakeUnavailableException("payment-service did not answer", e));
            } catch (HttpClientErrorException.NotFound unknown) {
                staked = 0; // an identity payment-service has never seen has no stake
            } catch (HttpClientErrorException refused) {
                throw new StakeUnavailableException("payment-service refused the stake lookup: " + refused.getStatusCode(), refused);
            }
            cache.put(identity, staked);
            return staked;
        });
    }
}
