package io.hypermesh.execution.saga;

import java.time.Instant;

/** What a step did: moved the execution on (run the next step now), or has to wait until a time, for something. */
record StepResult(Instant waitUntil, String waitingFor) {

    static final StepResult NEXT = new StepResult(null, null);

    static StepResult waitUntil(Instant until, String waitingFor) {
        return new StepResult(until, waitingFor);
    }

    boolean next() {
        return waitUntil == null;
    }
}
