package io.hypermesh.payment.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The payment service's own settings ({@code hypermesh.payment.*}), checked at start-up. */
@Validated
@ConfigurationProperties("hypermesh.payment")
public record PaymentProperties(@NotNull @Valid Stakes stakes, @NotNull @Valid Idempotency idempotency,
        @NotNull @Valid Pricing pricing, @NotNull @Valid Escrow escrow, @NotNull @Valid Faucet faucet,
        @DefaultValue List<String> executionServiceIdentities) {

    /**
     * The development faucet: an identity may take {@code amount} µCAES once per {@code window}. Off unless
     * {@code enabled}; the service refuses to start with it on in the {@code production} profile.
     */
    public record Faucet(boolean enabled, @Positive @Max(1_000_000_000_000_000L) long amount, @NotNull Duration window) {
    }

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

    /**
     * @param holdGrace              a hold expires this long after the quote's expected duration has passed
     * @param expiryInterval         how often overdue holds are refunded
     * @param platformFeeBasisPoints the platform's share of the usage charge, in 1/100 of a percent (rounded down)
     * @param bonusPercent           a fast host's bonus, in percent of its usage charge (rounded down)
     * @param fastWithinPercent      "fast": a successful host that finished within this percent of the quoted duration
     */
    public record Escrow(@NotNull Duration holdGrace, @NotNull Duration expiryInterval,
            @Min(0) @Max(10_000) int platformFeeBasisPoints, @Min(0) @Max(100) int bonusPercent,
            @Min(1) @Max(100) int fastWithinPercent) {
    }

    public record Rates(@PositiveOrZero long cpuCoreSecond, @PositiveOrZero long memoryGbSecond, @PositiveOrZero long storageGb,
            @PositiveOrZero long gpuSecond, @PositiveOrZero long networkGb) {
    }

    public record PrivacyPercent(@Positive int privateNetwork, @Positive int p2p, @Positive int publicNetwork,
            @Positive int fullPublic) {
    }
}
