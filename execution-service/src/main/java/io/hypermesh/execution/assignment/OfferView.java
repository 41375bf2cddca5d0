package io.hypermesh.execution.assignment;

import io.hypermesh.execution.executions.Assignment;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "Assignments offered to this host: lease one (POST .../lease) before 'expiresAt' to run it")
record OfferView(List<Offer> assignments) {

    record Offer(UUID id, String executionId, int attempt, Instant offeredAt, Instant expiresAt) {

        static Offer of(Assignment a) {
            return new Offer(a.id(), a.executionId(), a.attempt(), a.offeredAt(), a.expiresAt());
        }
    }
}
