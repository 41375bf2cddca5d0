package io.hypermesh.payment.stake;

import io.hypermesh.payment.account.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

@Schema(description = "Cut an identity's stake, in micro-CAES, for a recorded reason", example = """
        {"amount": 1000000, "reason": "execution 7f3c: output digest disagreed with the majority"}""")
record SlashRequest(@NotNull @Positive @Max(Money.MAX_MICRO) Long amount,
        @NotBlank @Size(max = 1000) String reason) {
}
