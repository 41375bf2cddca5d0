package io.hypermesh.execution.executions;

/**
 * The saga's steps in the order they run; each is persisted before the next starts, so that a crash resumes at the
 * step that did not finish, and every call it makes carries an idempotency key derived from the execution.
 */
public enum Step {
    /** registry: the deployed version, as the client may see it. */
    ASSET(ExecutionState.SUBMITTED),
    /** payment: a quote for the client, refused above the price ceiling. */
    QUOTE(ExecutionState.SUBMITTED),
    /** routing: are there k eligible hosts at all? (before any money moves) */
    SELECT(ExecutionState.SUBMITTED),
    /** payment: the quoted total moves from the client's wallet into escrow. */
    HOLD(ExecutionState.SUBMITTED),
    /** ledger: the EXECUTION block, the client's own proof relayed. */
    RECORD(ExecutionState.SCHEDULED),
    /** routing: k hosts chosen, one assignment each (also when one has to be replaced). */
    ASSIGN(ExecutionState.SCHEDULED),
    /** hosts: pull, lease, run, report; verified when every open assignment has reported. */
    RUN(ExecutionState.RUNNING),
    /** payment: the majority paid for their metered usage, the rest refunded. */
    SETTLE(ExecutionState.SETTLING),
    /** payment: hosts that disagreed with the majority lose part of their stake. */
    SLASH(ExecutionState.SETTLING),
    /** ledger: the COMPLETION block (result digest, attestations, settlement), under this service's identity. */
    COMPLETE(ExecutionState.SETTLING),
    /** registry: the usage report of the asset version. */
    REPORT(ExecutionState.SETTLING),
    /** payment: the whole hold back to the client, then FAILED. */
    REFUND_FAILED(ExecutionState.SETTLING),
    /** payment: the whole hold back to the client, then CANCELLED. */
    REFUND_CANCELLED(ExecutionState.SETTLING),
    DONE(null);

    private final ExecutionState state;

    Step(ExecutionState state) {
        this.state = state;
    }

    public ExecutionState state() {
        return state;
    }
}
