package io.hypermesh.ledger.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The ledger's rules, validated at start-up. Per-type maps are keyed by block type (for example
 * {@code DEPLOYMENT}); keys are matched ignoring case and punctuation because relaxed binding may
 * rewrite them.
 */
@Validated
@ConfigurationProperties("hypermesh.ledger")
public record LedgerProperties(
        @DefaultValue("hypermesh-local") @NotBlank String chainId,
        @DefaultValue("65536") @Min(256) int maxPayloadBytes,
        @DefaultValue @Valid @NotNull Proof proof,
        @DefaultValue @Valid @NotNull Append append) {

    /**
     * Group commit of single appends: at most {@code queueCapacity} checked appends wait for the writer (more answer
     * 503 append-queue-full), and one transaction decides at most {@code maxGroupSize} of them.
     */
    public record Append(
            @DefaultValue("1024") @Min(1) int queueCapacity,
            @DefaultValue("256") @Min(1) @Max(1000) int maxGroupSize) {
    }

    public record Proof(
            @DefaultValue("8") @Min(0) @Max(64) int defaultDifficulty,
            Map<String, @Min(0) @Max(64) Integer> difficulty,
            @DefaultValue("30s") @NotNull Duration maxDrift,
            @DefaultValue("1000") @Min(0) long maxAnchorAgeBlocks,
            Map<String, @Min(0) Long> minimumStake) {

        /** Leading zero bits the work hash of an operation of this type must have. */
        public int difficultyFor(String type) {
            Integer configured = lookup(difficulty, type);
            return configured == null ? defaultDifficulty : configured;
        }

        /** The stake, in micro-CAES, an author must hold to append a block of this type; 0 when none is configured. */
        public long minimumStakeFor(String type) {
            Long configured = lookup(minimumStake, type);
            return configured == null ? 0 : configured;
        }

        private static <T> T lookup(Map<String, T> byType, String type) {
            if (byType == null || type == null) {
                return null;
            }
            String wanted = normalize(type);
            return byType.entrySet().stream()
                    .filter(entry -> normalize(entry.getKey()).equals(wanted))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }

        private static String normalize(String key) {
            return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        }
    }
}
