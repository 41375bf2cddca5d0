package io.hypermesh.registry.deployment;

import java.time.Instant;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.PostExchange;
import tools.jackson.databind.JsonNode;

/** ledger-service's append API, as far as deployments use it. */
interface LedgerBlocks {

    @PostExchange("/api/v1/ledger/blocks")
    AppendedBlock append(@RequestHeader("Authorization") String bearer, @RequestHeader("Idempotency-Key") String idempotencyKey,
            @RequestBody AppendRequest request);

    record AppendRequest(String type, JsonNode payload, JsonNode proof) {
    }

    /** The fields of ledger-service's block the registry keeps. */
    record AppendedBlock(long height, String hash, String type, Instant timestamp) {
    }
}
