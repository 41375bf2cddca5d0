package io.hypermesh.payment.account;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "Minted supply and the sum of all balances (wallets, stakes, treasury), read from one snapshot")
record SupplyResponse(
        @Schema(description = "CAES minted so far, micro-CAES") long minted,
        @Schema(description = "Sum of every balance, micro-CAES; equals minted") long held,
        @Schema(description = "Number of holding accounts") long accounts,
        @Schema(description = "minted == held") boolean balanced) {

    static SupplyResponse of(Supply supply) {
        return new SupplyResponse(supply.minted(), supply.held(), supply.accounts(), supply.balanced());
    }
}
