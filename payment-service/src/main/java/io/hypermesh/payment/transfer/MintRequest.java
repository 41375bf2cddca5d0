package io.hypermesh.payment.transfer;

import io.hypermesh.payment.account.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Carries no balance and no source account: minting always credits the issuance account. */
@Schema(description = "New CAES for an identity's wallet, in micro-CAES", example = """
        {"account": "hm1abcdefghijklmnopqrstuvwxyz234567", "amount": 5000000, "memo": "welcome grant"}""")
record MintRequest(
        @NotNull @Pattern(regexp = "hm1[a-z2-7]{32}", message = "must be an identity: 'hm1' followed by 32 lowercase base32 characters")
        String account,
        @NotNull @Positive @Max(Money.MAX_MICRO) Long amount,
        @Size(max = 500) String memo) {
}
