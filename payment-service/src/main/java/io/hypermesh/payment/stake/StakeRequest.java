package io.hypermesh.payment.stake;

import io.hypermesh.payment.account.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Whose stake is never in the body: it is the token's subject. */
@Schema(description = "Lock CAES of your own wallet as stake, in micro-CAES", example = """
        {"amount": 10000000, "memo": "host bond"}""")
record StakeRequest(@NotNull @Positive @Max(Money.MAX_MICRO) Long amount, @Size(max = 500) String memo) {
}
