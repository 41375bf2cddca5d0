package io.hypermesh.execution.saga;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;
import tools.jackson.databind.JsonNode;

/**
 * The other services' APIs as far as the saga uses them. Bodies and answers stay JSON trees: the saga stores what
 * it is told (asset snapshots, settlements) as it came, and reads only the few fields it acts on.
 */
final class SagaApis {

    private SagaApis() {
    }

    interface Registry {

        @GetExchange("/api/v1/registry/assets/{id}/versions/{version}/execution-spec")
        JsonNode executionSpec(@RequestHeader("Authorization") String bearer, @PathVariable String id,
                @PathVariable int version, @RequestParam("client") String client);

        @PostExchange("/api/v1/registry/executions")
        JsonNode reportUsage(@RequestHeader("Authorization") String bearer, @RequestBody JsonNode report);
    }

    interface Payment {

        @PostExchange("/api/v1/payments/quotes")
        JsonNode quote(@RequestHeader("Authorization") String bearer, @RequestHeader("Idempotency-Key") String key,
                @RequestBody JsonNode request);

        @PostExchange("/api/v1/payments/escrows")
        JsonNode hold(@RequestHeader("Authorization") String bearer, @RequestHeader("Idempotency-Key") String key,
                @RequestBody JsonNode request);

        @PostExchange("/api/v1/payments/escrows/{id}/settlements")
        JsonNode settle(@RequestHeader("Authorization") String bearer, @RequestHeader("Idempotency-Key") String key,
                @PathVariable String id, @RequestBody JsonNode request);

        @PostExchange("/api/v1/payments/escrows/{id}/releases")
        JsonNode release(@RequestHeader("Authorization") String bearer, @RequestHeader("Idempotency-Key") String key,
                @PathVariable String id, @RequestBody JsonNode request);

        @GetExchange("/api/v1/payments/escrows/{id}")
        JsonNode escrow(@RequestHeader("Authorization") String bearer, @PathVariable String id);

        @GetExchange("/api/v1/payments/stakes/{identity}")
        JsonNode stake(@RequestHeader("Authorization") String bearer, @PathVariable String identity);

        @PostExchange("/api/v1/payments/stakes/{identity}/slashes")
        JsonNode slash(@RequestHeader("Authorization") String bearer, @RequestHeader("Idempotency-Key") String key,
                @PathVariable String identity, @RequestBody JsonNode request);
    }

    interface Ledger {

        @GetExchange("/api/v1/ledger/blocks/head")
        JsonNode head(@RequestHeader("Authorization") String bearer);

        @PostExchange("/api/v1/ledger/blocks")
        JsonNode append(@RequestHeader("Authorization") String bearer, @RequestHeader("Idempotency-Key") String key,
                @RequestBody JsonNode request);
    }

    interface Routing {

        @PostExchange("/api/v1/routing/selections")
        JsonNode select(@RequestHeader("Authorization") String bearer, @RequestBody JsonNode request);
    }
}
