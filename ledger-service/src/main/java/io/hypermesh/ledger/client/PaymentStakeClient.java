package io.hypermesh.ledger.client;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.hypermesh.protocol.Identity;
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
    private final LookupCache<Identity, Long> cache;

    PaymentStakeClient(Stakes stakes, ClientProperties properties) {
        this.stakes = stakes;
        this.cache = new LookupCache<>(properties.stakeCacheTtl(), this::lookUp);
    }

    @Override
    public long stakedMicroCaes(Identity identity) {
        return cache.get(identity);
    }

    private long lookUp(Identity identity) {
        try {
            return RemoteLookups.call(breaker, () -> stakes.stake(identity.value()).staked(),
                    e -> new StakeUnavailableException("payment-service did not answer", e));
        } catch (HttpClientErrorException.NotFound unknown) {
            return 0; // an identity payment-service has never seen has no stake
        } catch (HttpClientErrorException refused) {
            throw new StakeUnavailableException("payment-service refused the stake lookup: " + refused.getStatusCode(), refused);
        }
    }
}
