package io.hypermesh.payment.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The payment service's own settings ({@code hypermesh.payment.*}), checked at start-up. */
@Validated
@ConfigurationProperties("hypermesh.payment")
public record PaymentProperties(@NotNull @Valid Stakes stakes, @NotNull @Valid Idempotency idempotency,
        @NotNull @Valid Pricing pricing) {

    /**
     * @param unlockDelay     how long unlocked stake stays slashable before it returns to the wallet
     * @param releaseInterval how often matured unlocks are released
     */
    public record Stakes(@NotNull Duration unlockDelay, @NotNull Duration releaseInterval) {
    }

    /** @param retention how long a stored reply answers retries; after it the key may be used afresh */
    public record Idempotency(@NotNull Duration retention) {
    }

    /**
     * @param rates          micro-CAES per unit; a change here becomes a new rate-card version at start-up
     * @param privacyPercent price multipliers in percent for the levels other than PRIVATE, which always costs 200
     * @param quoteValidity  how long a quote is honoured
     */
    public record Pricing(@NotNull @Valid Rates rates, @NotNull @Valid PrivacyPercent privacyPercent,
            @NotNull Duration quoteValidity) {
    }

    public record Rates(@PositiveOrZero long cpuCoreSecond, @PositiveOrZero long memoryGbSecond, @PositiveOrZero long storageGb,
            @PositiveOrZero long gpuSecond, @PositiveOrZero long networkGb) {
    }

    public record PrivacyPercent(@Positive int privateNetwork, @Positive int p2p, @Positive int publicNetwork,
            @Positive int fullPublic) {
    }
}
