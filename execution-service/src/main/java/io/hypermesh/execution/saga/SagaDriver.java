package io.hypermesh.execution.saga;

import io.hypermesh.execution.executions.Execution;
import io.hypermesh.execution.executions.ExecutionDriver;
import io.hypermesh.execution.executions.ExecutionProperties;
import io.hypermesh.execution.executions.ExecutionRepository;
import io.hypermesh.execution.executions.ExecutionState;
import io.hypermesh.execution.executions.SagaQueue;
import io.hypermesh.execution.executions.Step;
import io.hypermesh.service.client.ServiceUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drives executions one persisted step at a time. Work is claimed from the saga queue with a lease (never two drivers
 * on one execution); each step re-reads the execution, so a crash anywhere resumes at the step that did not finish,
 * whose calls repeat under the same idempotency keys. A service that does not answer is waited for with back-off,
 * visibly ({@code waitingFor}), instead of failing the execution.
 */
@Component
class SagaDriver implements ExecutionDriver {

    private static final Logger log = LoggerFactory.getLogger(SagaDriver.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final ObjectProvider<SagaClients> clients;
    private final ExecutionRepository executions;
    private final SagaQueue queue;
    private final PreparationSteps preparation;
    private final RunSteps run;
    private final SettlementSteps settlement;
    private final Transitions transitions;
    private final ExecutionProperties properties;
    private final ThreadPoolExecutor workers;

    SagaDriver(ObjectProvider<SagaClients> clients, ExecutionRepository executions, SagaQueue queue,
            PreparationSteps preparation, RunSteps run, SettlementSteps settlement, Transitions transitions,
            ExecutionProperties properties, ThreadPoolExecutor sagaWorkers) {
        this.clients = clients;
        this.executions = executions;
        this.queue = queue;
        this.preparation = preparation;
        this.run = run;
        this.settlement = settlement;
        this.transitions = transitions;
        this.properties = properties;
        this.workers = sagaWorkers;
    }

    @Override
    public boolean available() {
        return clients.getIfAvailable() != null;
    }

    @Override
    public void driveUntil(String executionId, Step stop) {
        if (queue.claim(executionId, properties.stepLease(), transitions.now())) {
            drive(executionId, stop);
        }
    }

    @Override
    public void wake(String executionId) {
        workers.execute(() -> driveUntil(executionId, Step.DONE));
    }

    @Scheduled(initialDelayString = "${hypermesh.execution.runs.poll-interval:250ms}",
            fixedDelayString = "${hypermesh.execution.runs.poll-interval:250ms}")
    void poll() {
        if (!available()) {
            return;
        }
        int free = workers.getMaximumPoolSize() - workers.getActiveCount();
        if (free <= 0) {
            return;
        }
        for (String id : queue.claimDue(free, properties.stepLease(), transitions.now())) {
            workers.execute(() -> drive(id, Step.DONE));
        }
    }

    /** Runs steps until the execution waits, ends or reaches {@code stop}; then hands the lease back. */
    private void drive(String executionId, Step stop) {
        SagaClients services = clients.getIfAvailable();
        AtomicInteger conflicts = new AtomicInteger();
        while (true) {
            Execution execution = executions.findById(executionId).orElse(null);
            if (execution == null || execution.state().finished()) {
                queue.finished(executionId);
                return;
            }
            if (execution.step() == stop || services == null) {
                queue.reschedule(executionId, transitions.now(), null, null);
                return;
            }
            queue.renew(executionId, transitions.now().plus(properties.stepLease()));
            StepResult result;
            try {
                result = step(execution, services);
            } catch (ObjectOptimisticLockingFailureException changedMeanwhile) {
                // A cancellation or a host's report changed it: decide again from what is stored now.
                if (conflicts.incrementAndGet() > 10) {
                    queue.reschedule(executionId, transitions.now().plusMillis(200), null, "repeated conflicts");
                    return;
                }
                continue;
            } catch (ServiceUnavailableException unavailable) {
                Instant retry = transitions.now().plus(backoff(queue.attempts(executionId)));
                queue.reschedule(executionId, retry, unavailable.callee(), unavailable.getMessage());
                log.info("Execution {} at {} waits for {}: {}", executionId, execution.step(), unavailable.callee(),
                        unavailable.getMessage());
                return;
            } catch (RuntimeException unexpected) {
                Instant retry = transitions.now().plus(backoff(queue.attempts(executionId)));
                queue.reschedule(executionId, retry, null, String.valueOf(unexpected.getMessage()));
                log.warn("Execution {} at {} failed a step; retrying at {}", executionId, execution.step(), retry, unexpected);
                return;
            }
            if (!result.next()) {
                queue.rest(executionId, result.waitUntil(), result.waitingFor());
                return;
            }
        }
    }

    private StepResult step(Execution execution, SagaClients services) {
        return switch (execution.step()) {
            case ASSET -> preparation.asset(execution, services);
            case QUOTE -> preparation.quote(execution, services);
            case SELECT -> preparation.select(execution, services);
            case HOLD -> preparation.hold(execution, services);
            case RECORD -> run.record(execution, services);
            case ASSIGN -> run.assign(execution, services);
            case RUN -> run.run(execution);
            case SETTLE -> settlement.settle(execution, services);
            case SLASH -> settlement.slash(execution, services);
            case COMPLETE -> settlement.complete(execution, services);
            case REPORT -> settlement.report(execution, services);
            case REFUND_FAILED -> settlement.refund(execution, services, ExecutionState.FAILED);
            case REFUND_CANCELLED -> settlement.refund(execution, services, ExecutionState.CANCELLED);
            case DONE -> throw new IllegalStateException("execution " + execution.id() + " has no step left");
        };
    }

    /** 0.5 s, doubling per failed attempt, at most 30 s. */
    static Duration backoff(int attempts) {
        long millis = 500L << Math.min(Math.max(attempts - 1, 0), 6);
        return millis > MAX_BACKOFF.toMillis() ? MAX_BACKOFF : Duration.ofMillis(millis);
    }
}
