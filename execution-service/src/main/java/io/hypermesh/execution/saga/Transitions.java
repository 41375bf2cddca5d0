package io.hypermesh.execution.saga;

import io.hypermesh.execution.executions.Execution;
import io.hypermesh.execution.executions.ExecutionRepository;
import io.hypermesh.execution.executions.ExecutionState;
import io.hypermesh.execution.executions.SagaQueue;
import io.hypermesh.execution.executions.Step;
import io.hypermesh.execution.executions.Timeline;
import io.hypermesh.service.client.ServiceRefusedException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records a step's outcome in one transaction: the execution's new step (optimistically locked, so a cancellation
 * that came in meanwhile wins and the step is re-decided), the timeline line, and the queue.
 */
@Component
class Transitions {

    private final ExecutionRepository executions;
    private final Timeline timeline;
    private final SagaQueue queue;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final CrashPoint crashPoint;

    Transitions(ExecutionRepository executions, Timeline timeline, SagaQueue queue, TransactionTemplate transactions, Clock clock,
            CrashPoint crashPoint) {
        this.executions = executions;
        this.timeline = timeline;
        this.queue = queue;
        this.transactions = transactions;
        this.clock = clock;
        this.crashPoint = crashPoint;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Applies {@code record} and moves from {@code from} to {@code to}, in one transaction with anything else in it. */
    StepResult advance(Execution execution, Step from, Step to, String detail, Consumer<Execution> record) {
        crashPoint.beforeRecording(from, to);
        transactions.executeWithoutResult(status -> {
            record.accept(execution);
            execution.advance(from, to, now());
            executions.saveAndFlush(execution);
            timeline.record(execution, detail, now());
        });
        return StepResult.NEXT;
    }

    StepResult advance(Execution execution, Step from, Step to, String detail) {
        return advance(execution, from, to, detail, e -> { });
    }

    /** Refused before any money moved: the client's answer is this problem, now and on every retry. */
    StepResult reject(Execution execution, int status, String type, String detail) {
        transactions.executeWithoutResult(status2 -> {
            execution.recordFailure(status, type, detail);
            execution.finish(ExecutionState.REJECTED, now());
            executions.saveAndFlush(execution);
            queue.finished(execution.id());
            timeline.record(execution, "rejected: " + detail, now());
        });
        return StepResult.NEXT;
    }

    StepResult reject(Execution execution, ServiceRefusedException refused) {
        ProblemDetail problem = refused.problem();
        return reject(execution, refused.status(), typeOf(problem), detailOf(refused));
    }

    /** The work cannot be done (after money moved): the hold goes back, then the execution ends FAILED. */
    StepResult abandon(Execution execution, int status, String type, String detail) {
        transactions.executeWithoutResult(status2 -> {
            execution.recordFailure(status, type, detail);
            execution.abandon(now());
            executions.saveAndFlush(execution);
            timeline.record(execution, "failed: " + detail, now());
        });
        return StepResult.NEXT;
    }

    StepResult finish(Execution execution, ExecutionState outcome, String detail, Consumer<Execution> record) {
        crashPoint.beforeRecording(execution.step(), outcome);
        transactions.executeWithoutResult(status -> {
            record.accept(execution);
            execution.finish(outcome, now());
            executions.saveAndFlush(execution);
            queue.finished(execution.id());
            timeline.record(execution, detail, now());
        });
        return StepResult.NEXT;
    }

    static String typeOf(ProblemDetail problem) {
        String type = problem.getType().toString();
        return type.substring(type.lastIndexOf('/') + 1);
    }

    static String detailOf(ServiceRefusedException refused) {
        String detail = refused.problem().getDetail();
        return detail == null ? refused.getMessage() : detail;
    }
}
