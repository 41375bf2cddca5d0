package io.hypermesh.execution.assignment;

import io.hypermesh.execution.executions.Assignment;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "This host's open assignments: OFFERED ones to lease (POST .../lease) before 'expiresAt', and LEASED "
        + "ones it holds (leasing again is harmless), so that a host that lost an answer or restarted finds its work again")
record OfferView(List<Offer> assignments) {

    /** Is any of them waiting to be leased? */
    boolean hasOffers() {
        return assignments.stream().anyMatch(offer -> "OFFERED".equals(offer.state()));
    }

    record Offer(UUID id, String executionId, int attempt, String state, Instant offeredAt, Instant expiresAt) {

        static Offer of(Assignment a) {
            return new Offer(a.id(), a.executionId(), a.attempt(), a.state().name(), a.offeredAt(), a.expiresAt());
        }
    }
}
