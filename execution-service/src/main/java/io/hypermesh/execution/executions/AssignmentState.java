package io.hypermesh.execution.executions;

/**
 * OFFERED to one host until it leases it (or the offer runs out); LEASED while the host runs it, until the lease's
 * end; then REPORTED (a result), FAILED (the host could not run it), EXPIRED (offer or lease ran out, or the host
 * went OFFLINE) or REVOKED (the execution was cancelled or already decided). Only OFFERED and LEASED are open.
 */
public enum AssignmentState {
    OFFERED,
    LEASED,
    REPORTED,
    FAILED,
    EXPIRED,
    REVOKED;

    public boolean open() {
        return this == OFFERED || this == LEASED;
    }
}
