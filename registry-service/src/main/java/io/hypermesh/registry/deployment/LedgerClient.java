package io.hypermesh.registry.deployment;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.hypermesh.protocol.ServiceTokens;
import java.time.Duration;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

/**
 * Appends DEPLOYMENT blocks at ledger-service under the registry's own identity (role {@code service}), behind a
 * circuit breaker: a dead ledger costs a fast 503, not a timeout per deployment. Every failure that leaves the
 * outcome unknown is {@link LedgerUnavailableException}; the caller retries with the same idempotency key, which
 * the ledger answers with the block of the first attempt if there was one.
 */
class LedgerClient {

    private final LedgerBlocks ledger;
    private final ServiceTokens tokens;
    private final CircuitBreaker breaker = CircuitBreaker.of("ledger", CircuitBreakerConfig.custom()
            .failureRateThreshold(50)
            .slidingWindowSize(10)
            .minimumNumberOfCalls(5)
            .waitDurationInOpenState(Duration.ofSeconds(10))
            .ignoreExceptions(HttpClientErrorException.class)
            .build());

    LedgerClient(LedgerBlocks ledger, ServiceTokens tokens) {
        this.ledger = ledger;
        this.tokens = tokens;
    }

    LedgerBlocks.AppendedBlock append(String idempotencyKey, LedgerBlocks.AppendRequest request) {
        try {
            return appendOnce(idempotencyKey, request);
        } catch (HttpClientErrorException.Unauthorized expired) {
            // The token expired early or the gateway's key rotated: one fresh sign-in, then the answer stands.
            try {
                return appendOnce(idempotencyKey, request);
            } catch (HttpClientErrorException.Unauthorized again) {
                throw new LedgerUnavailableException("ledger-service does not accept the registry's token", again);
            }
        }
    }

    private LedgerBlocks.AppendedBlock appendOnce(String idempotencyKey, LedgerBlocks.AppendRequest request) {
        String token;
        try {
            token = breaker.executeCallable(tokens::bearer);
        } catch (Exception e) {
            throw new LedgerUnavailableException("could not sign in at the gateway to call ledger-service (" + reason(e) + ")", e);
        }
        try {
            return breaker.executeSupplier(() -> ledger.append("Bearer " + token, idempotencyKey, request));
        } catch (HttpClientErrorException.Unauthorized refused) {
            tokens.refused(token);
            throw refused;
        } catch (HttpClientErrorException.Conflict inFlight) {
            throw new DeploymentInProgressException();
        } catch (HttpClientErrorException refused) {
            int status = refused.getStatusCode().value();
            if (status == 400 || status == 422) {
                throw new LedgerRefusedException(refused.getResponseBodyAs(ProblemDetail.class));
            }
            // 403 and the like: the registry is misconfigured (e.g. its identity lacks role service), not the client.
            throw new LedgerUnavailableException("ledger-service refused the registry: HTTP " + status, refused);
        } catch (CallNotPermittedException | RestClientException e) {
            throw new LedgerUnavailableException("ledger-service did not answer (" + reason(e) + ")", e);
        }
    }

    /** The innermost cause in a few words: "ConnectException", "circuit breaker 'ledger' is OPEN". */
    private static String reason(Throwable failure) {
        if (failure instanceof CallNotPermittedException) {
            return "circuit breaker open after repeated failures";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
