package io.hypermesh.execution.run;

import io.hypermesh.execution.executions.ExecutionProperties;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events of one execution. Each stream re-reads its execution a few times a second and sends it when
 * its state, step or waitingFor changed: the database is the one source of truth, so a stream on any replica sees
 * what every replica did.
 */
@Component
class ExecutionStream {

    private static final Duration MAX_STREAM = Duration.ofMinutes(30);

    private final ExecutionService executions;
    private final long intervalMillis;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(1, runnable -> {
        Thread thread = new Thread(runnable, "execution-events");
        thread.setDaemon(true);
        return thread;
    });

    ExecutionStream(ExecutionService executions, ExecutionProperties properties) {
        this.executions = executions;
        this.intervalMillis = Math.max(50, properties.pollInterval().toMillis());
    }

    SseEmitter follow(String id, String client) {
        SseEmitter emitter = new SseEmitter(MAX_STREAM.toMillis());
        AtomicReference<String> last = new AtomicReference<>("");
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        Runnable send = () -> {
            try {
                ExecutionResponse execution = executions.view(executions.get(id, client));
                String position = execution.state() + "/" + execution.step() + "/" + execution.waitingFor();
                if (!position.equals(last.getAndSet(position))) {
                    emitter.send(SseEmitter.event().name("execution").id(position).data(execution));
                }
                if (execution.state().finished()) {
                    emitter.complete();
                    cancel(task);
                }
            } catch (IOException | IllegalStateException clientGone) {
                cancel(task);
            } catch (RuntimeException e) {
                emitter.completeWithError(e);
                cancel(task);
            }
        };
        task.set(timer.scheduleWithFixedDelay(send, 0, intervalMillis, TimeUnit.MILLISECONDS));
        emitter.onCompletion(() -> cancel(task));
        emitter.onTimeout(() -> cancel(task));
        return emitter;
    }

    /** The first run may finish before the task is stored; a stream ended then stops at its next run. */
    private static void cancel(AtomicReference<ScheduledFuture<?>> task) {
        ScheduledFuture<?> scheduled = task.get();
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
