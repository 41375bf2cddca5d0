package io.hypermesh.execution.executions;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How executions run (application.yaml {@code hypermesh.execution.runs}); every value has an environment variable.
 *
 * @param registryUrl       registry-service (asset versions, usage reports); blank: executions are refused with 503
 * @param paymentUrl        payment-service (quotes, escrow, slashing)
 * @param ledgerUrl         ledger-service (EXECUTION and COMPLETION blocks)
 * @param maxInputBytes     the canonical JSON of input plus parameters may be at most this long
 * @param maxOutputBytes    a host's reported output may be at most this long (UTF-8)
 * @param proofDifficulty   the work bits the client's proof is checked against at submit, and this service mines
 *                          its COMPLETION proofs with (ledger-service's HYPERMESH_LEDGER_DEFAULT_DIFFICULTY)
 * @param offerValidity     how long a host has to lease an offered assignment
 * @param leaseGrace        a lease lasts the asset's maxRuntimeSeconds plus this
 * @param maxReassignments  how many assignments beyond k one execution may use (lost hosts, no majority)
 * @param slashAmount       micro-CAES taken from the stake of a host that disagreed with the majority (at most its stake)
 * @param pollInterval      how often the saga looks for due work (a host's report wakes it at once)
 * @param stepLease         how long one driver holds an execution before another may take it over
 * @param longPollMax       the longest a host's poll for assignments waits (below the gateway's read timeout)
 */
@Validated
@ConfigurationProperties("hypermesh.execution.runs")
public record ExecutionProperties(
        String registryUrl,
        String paymentUrl,
        String ledgerUrl,
        @NotNull @DefaultValue("1s") Duration connectTimeout,
        @NotNull @DefaultValue("5s") Duration readTimeout,
        @Min(2) @Max(16_777_216) @DefaultValue("65536") int maxInputBytes,
        @Min(1) @Max(16_777_216) @DefaultValue("1048576") int maxOutputBytes,
        @Min(0) @Max(64) @DefaultValue("8") int proofDifficulty,
        @NotNull @DefaultValue("30s") Duration offerValidity,
        @NotNull @DefaultValue("30s") Duration leaseGrace,
        @Min(0) @Max(16) @DefaultValue("3") int maxReassignments,
        @Min(0) @DefaultValue("1000000") long slashAmount,
        @NotNull @DefaultValue("250ms") Duration pollInterval,
        @NotNull @DefaultValue("30s") Duration stepLease,
        @NotNull @DefaultValue("8s") Duration longPollMax) {

    public boolean configured() {
        return !blank(registryUrl) && !blank(paymentUrl) && !blank(ledgerUrl);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
