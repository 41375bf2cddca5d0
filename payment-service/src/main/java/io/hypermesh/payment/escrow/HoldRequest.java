package io.hypermesh.payment.escrow;

import io.hypermesh.payment.account.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.util.UUID;

/** Sent by execution-service: lock {@code amount} of the client's wallet for one execution against the client's quote. */
@Schema(description = "Lock a client's CAES for one execution, against an unexpired quote of that client (micro-CAES)",
        example = """
        {"client": "hm1abcdefghijklmnopqrstuvwxyz234567", "quoteId": "0b9e6f5e-8d55-4c1e-9a51-2d7a4c8c2f10",
         "executionId": "exec-7f3a", "amount": 900000}""")
record HoldRequest(
        @NotNull @Pattern(regexp = "hm1[a-z2-7]{32}", message = "must be an identity: 'hm1' followed by 32 lowercase base32 characters")
        String client,
        @NotNull UUID quoteId,
        @NotNull @Pattern(regexp = "[\\x21-\\x7e]{1,200}", message = "must be 1 to 200 printable ASCII characters without spaces")
        String executionId,
        @NotNull @Positive @Max(Money.MAX_MICRO) Long amount) {
}
