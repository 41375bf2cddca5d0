package io.hypermesh.execution.saga;

import io.hypermesh.execution.executions.ExecutionState;
import io.hypermesh.execution.executions.Step;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A fault injected on purpose, for the crash tests: with {@code hypermesh.execution.fault.halt-before} set to
 * {@code FROM>TO} (a step and the step or outcome it moves to, e.g. {@code SETTLE>SLASH}), the process halts like
 * {@code kill -9} — no shutdown hooks, no commit — just before recording that transition, i.e. after the step's
 * call to another service took effect and before this service knows it did. The worst moment to die; off unless set.
 */
@Component
class CrashPoint {

    private static final Logger log = LoggerFactory.getLogger(CrashPoint.class);

    private final String haltBefore;

    CrashPoint(@Value("${hypermesh.execution.fault.halt-before:}") String haltBefore) {
        this.haltBefore = haltBefore == null ? "" : haltBefore.trim();
        if (!this.haltBefore.isEmpty()) {
            log.warn("Fault injection on: this process halts before recording {}", this.haltBefore);
        }
    }

    void beforeRecording(Step from, Step to) {
        haltAt(from.name() + ">" + to.name());
    }

    void beforeRecording(Step from, ExecutionState outcome) {
        haltAt(from.name() + ">" + outcome.name());
    }

    private void haltAt(String transition) {
        if (transition.equals(haltBefore)) {
            log.warn("Fault injection: halting before recording {}", transition);
            Runtime.getRuntime().halt(137);
        }
    }
}
