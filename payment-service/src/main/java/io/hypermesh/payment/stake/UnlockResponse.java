package io.hypermesh.payment.stake;

import java.time.Instant;

record UnlockResponse(long id, String identity, long amount, Instant requestedAt, Instant availableAt, String status) {

    static UnlockResponse of(StakeUnlock unlock) {
        return new UnlockResponse(unlock.id(), unlock.identity(), unlock.amount().micro(), unlock.requestedAt(),
                unlock.availableAt(), unlock.status());
    }
}
