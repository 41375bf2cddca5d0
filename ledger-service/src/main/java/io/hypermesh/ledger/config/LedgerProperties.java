package io.hypermesh.ledger.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.HashMap;
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
     * Group commit: at most {@code queueCapacity} checked appends (a batch counts once) wait for the writer (more answer
     * 503 append-queue-full), and one transaction decides at most {@code maxGroupSize} blocks (a larger batch alone).
     * At most {@code concurrentChecks} proof verifications run at once (0: one fewer than the available processors, at
     * least one — the core left over serves the group-commit writer and the requests' parsing, which every append
     * waits for).
     */
    public record Append(
            @DefaultValue("1024") @Min(1) int queueCapacity,
            @DefaultValue("256") @Min(1) @Max(1000) int maxGroupSize,
            @DefaultValue("0") @Min(0) int concurrentChecks) {

        /** The bound on concurrent proof verifications, 0 resolved to the available processors less one (at least one). */
        public int concurrentChecksOrCores() {
            return concurrentChecks > 0 ? concurrentChecks : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        }
    }

    public record Proof(
            @DefaultValue("8") @Min(0) @Max(64) int defaultDifficulty,
            Map<String, @Min(0) @Max(64) Integer> difficulty,
            @DefaultValue("30s") @NotNull Duration maxDrift,
            @DefaultValue("1000") @Min(0) long maxAnchorAgeBlocks,
            Map<String, @Min(0) Long> minimumStake) {

        /** Normalised once: the per-type rules are read on every append. */
        public Proof {
            difficulty = normalized(difficulty);
            minimumStake = normalized(minimumStake);
        }

        /** Leading zero bits the work hash of an operation of this type must have. */
        public int difficultyFor(String type) {
            Integer configured = type == null ? null : difficulty.get(normalize(type));
            return configured == null ? defaultDifficulty : configured;
        }

        /** The stake, in micro-CAES, an author must hold to append a block of this type; 0 when none is configured. */
        public long minimumStakeFor(String type) {
            Long configured = type == null ? null : minimumStake.get(normalize(type));
            return configured == null ? 0 : configured;
        }

        private static <T> Map<String, T> normalized(Map<String, T> byType) {
            if (byType == null) {
                return Map.of();
            }
            Map<String, T> normalized = new HashMap<>();
            byType.forEach((type, value) -> normalized.putIfAbsent(normalize(type), value));
            return Map.copyOf(normalized);
        }

        private static String normalize(String key) {
            StringBuilder normalized = new StringBuilder(key.length());
            key.chars().filter(c -> c < 128 && Character.isLetterOrDigit(c))
                    .forEach(c -> normalized.append(Character.toUpperCase((char) c)));
            return normalized.toString();
        }
    }
}
