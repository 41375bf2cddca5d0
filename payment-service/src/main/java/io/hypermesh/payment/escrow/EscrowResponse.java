package io.hypermesh.payment.escrow;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "A hold and, once closed, where every micro-CAES of it went: paidForUsage + paidAsBonus + "
        + "platformFee + refunded = amount")
record EscrowResponse(UUID id, String client, UUID quoteId, String executionId, long amount,
        @Schema(allowableValues = {"held", "settled", "released", "expired"}) String status,
        String heldBy, long holdEntryId, Instant createdAt, Instant expiresAt, String closedBy, Long closingEntryId,
        Instant closedAt, Long paidForUsage, Long paidAsBonus, Long platformFee, Long refunded, List<PayoutLine> payouts) {

    @Schema(description = "What one host received: its usage charge and its performance bonus")
    record PayoutLine(String host, long usage, long bonus) {
    }

    static EscrowResponse of(EscrowRecord record) {
        Escrow escrow = record.escrow();
        Closing closing = record.closing();
        String status = escrow.status().sql();
        List<PayoutLine> payouts = record.payouts().stream()
                .map(payout -> new PayoutLine(payout.host(), payout.usage().micro(), payout.bonus().micro())).toList();
        return new EscrowResponse(escrow.id(), escrow.client(), escrow.quoteId(), escrow.executionId(), escrow.amount().micro(),
                status, escrow.heldBy(), escrow.holdEntryId(), escrow.createdAt(), escrow.expiresAt(),
                closing == null ? null : closing.closedBy(), closing == null ? null : closing.entryId(),
                closing == null ? null : closing.closedAt(), closing == null ? null : closing.paidForUsage().micro(),
                closing == null ? null : closing.paidAsBonus().micro(), closing == null ? null : closing.platformFee().micro(),
                closing == null ? null : closing.refunded().micro(), payouts);
    }

    static String path(UUID id) {
        return "/api/v1/payments/escrows/" + id;
    }
}
