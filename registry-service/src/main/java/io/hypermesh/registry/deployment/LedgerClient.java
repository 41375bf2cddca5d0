package io.hypermesh.registry.deployment;

import io.hypermesh.service.client.ServiceCall;
import io.hypermesh.service.client.ServiceRefusedException;
import io.hypermesh.service.client.ServiceUnavailableException;

/**
 * Appends DEPLOYMENT blocks at ledger-service under the registry's own identity (role {@code service}), through the
 * shared {@link ServiceCall} (token, breaker): a dead ledger costs a fast 503, not a timeout per deployment. Every
 * failure that leaves the outcome unknown is {@link LedgerUnavailableException}; the caller retries with the same
 * idempotency key, which the ledger answers with the block of the first attempt if there was one.
 */
class LedgerClient {

    private final LedgerBlocks ledger;
    private final ServiceCall call;

    LedgerClient(LedgerBlocks ledger, ServiceCall call) {
        this.ledger = ledger;
        this.call = call;
    }

    LedgerBlocks.AppendedBlock append(String idempotencyKey, LedgerBlocks.AppendRequest request) {
        try {
            return call.call(bearer -> ledger.append(bearer, idempotencyKey, request));
        } catch (ServiceRefusedException refused) {
            if (refused.status() == 409) {
                throw new DeploymentInProgressException();
            }
            if (refused.status() == 400 || refused.status() == 422) {
                throw new LedgerRefusedException(refused.problem());
            }
            // 403 and the like: the registry is misconfigured (e.g. its identity lacks role service), not the client.
            throw new LedgerUnavailableException("ledger-service refused the registry: HTTP " + refused.status(), refused);
        } catch (ServiceUnavailableException unavailable) {
            throw new LedgerUnavailableException(unavailable.getMessage(), unavailable);
        }
    }
}
