package io.hypermesh.payment.transfer;

import io.hypermesh.payment.account.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The payer is never in the body: it is the token's subject. */
@Schema(description = "Pay another identity from your own wallet, in micro-CAES", example = """
        {"to": "hm1abcdefghijklmnopqrstuvwxyz234567", "amount": 1500000, "memo": "invoice 42"}""")
record TransferRequest(
        @NotNull @Pattern(regexp = "hm1[a-z2-7]{32}", message = "must be an identity: 'hm1' followed by 32 lowercase base32 characters")
        String to,
        @NotNull @Positive @Max(Money.MAX_MICRO) Long amount,
        @Size(max = 500) String memo) {
}
