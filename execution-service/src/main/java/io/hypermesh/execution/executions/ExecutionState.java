package io.hypermesh.execution.executions;

/**
 * What a client sees of an execution. SUBMITTED while the asset is looked up, priced, hosts are found and the
 * escrow is held; SCHEDULED while the EXECUTION block is recorded and hosts are assigned; RUNNING until the results
 * are verified; SETTLING while hosts are paid (or the client refunded) and the COMPLETION block is recorded. Then
 * one outcome: COMPLETED, FAILED (escrow released), CANCELLED (escrow released) or REJECTED (refused before any
 * money moved).
 */
public enum ExecutionState {
    SUBMITTED,
    SCHEDULED,
    RUNNING,
    SETTLING,
    COMPLETED,
    FAILED,
    CANCELLED,
    REJECTED;

    public static final String PATTERN = "SUBMITTED|SCHEDULED|RUNNING|SETTLING|COMPLETED|FAILED|CANCELLED|REJECTED";

    public boolean finished() {
        return ordinal() >= COMPLETED.ordinal();
    }
}
