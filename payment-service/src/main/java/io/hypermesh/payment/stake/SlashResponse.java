package io.hypermesh.payment.stake;

import java.time.Instant;

record SlashResponse(long id, String identity, long amount, String reason, String slashedBy, long entryId,
        Instant createdAt) {

    static SlashResponse of(Slash slash) {
        return new SlashResponse(slash.id(), slash.identity(), slash.amount().micro(), slash.reason(), slash.slashedBy(),
                slash.entryId(), slash.createdAt());
    }

    static String path(String identity, long id) {
        return "/api/v1/payments/stakes/" + identity + "/slashes/" + id;
    }
}
