package io.hypermesh.payment.account;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "An identity's money, in micro-CAES (1 CAES = 1,000,000 micro-CAES)")
record AccountResponse(
        String identity,
        @Schema(description = "Spendable balance, micro-CAES") long balance,
        @Schema(description = "Locked as stake, micro-CAES") long staked) {
}
