package io.hypermesh.payment.stake;

import io.hypermesh.payment.account.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

@Schema(description = "Ask for part of your bonded stake back, in micro-CAES; it returns after the unlock delay",
        example = """
        {"amount": 2000000}""")
record UnlockRequest(@NotNull @Positive @Max(Money.MAX_MICRO) Long amount) {
}
