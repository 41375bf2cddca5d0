package io.hypermesh.execution.executions;

/** The saga, as the executions API starts and nudges it (implemented in the saga package). */
public interface ExecutionDriver {

    /** Runs the execution's steps in this thread until it reaches {@code stop}, has to wait, or ends. */
    void driveUntil(String executionId, Step stop);

    /** Runs the execution's next steps soon, on the saga's own threads. */
    void wake(String executionId);

    /** Whether the saga can run at all (every service it calls is configured). */
    boolean available();
}
