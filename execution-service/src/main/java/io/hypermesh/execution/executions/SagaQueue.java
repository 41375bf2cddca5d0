package io.hypermesh.execution.executions;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * When each unfinished execution's next step is due, and who is driving it. Explicit SQL (D5): a claim is one
 * statement that takes a lease only if nobody holds one, so two replicas (or the poller and a wake-up) never run
 * the same execution's step at once; a crashed driver's lease simply runs out.
 */
@Repository
public class SagaQueue {

    private final JdbcClient jdbc;

    SagaQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void enqueue(String executionId, Instant now) {
        jdbc.sql("insert into saga_queue (execution_id, due_at) values (?, ?)").params(executionId, Timestamp.from(now)).update();
    }

    /** Takes the lease on one execution if it is due and free. */
    public boolean claim(String executionId, Duration lease, Instant now) {
        return jdbc.sql("""
                update saga_queue set lease_until = ?, attempts = attempts + 1, woken = false
                where execution_id = ? and due_at <= ? and (lease_until is null or lease_until < ?)""")
                .params(Timestamp.from(now.plus(lease)), executionId, Timestamp.from(now), Timestamp.from(now))
                .update() == 1;
    }

    /** Takes the lease on up to {@code limit} due, free executions, oldest due first. */
    public List<String> claimDue(int limit, Duration lease, Instant now) {
        return jdbc.sql("""
                update saga_queue set lease_until = ?, attempts = attempts + 1, woken = false
                where execution_id in (
                    select execution_id from saga_queue
                    where due_at <= ? and (lease_until is null or lease_until < ?)
                    order by due_at limit ? for update skip locked)
                returning execution_id""")
                .params(Timestamp.from(now.plus(lease)), Timestamp.from(now), Timestamp.from(now), limit)
                .query(String.class).list();
    }

    /** Keeps the lease while the driver goes on to the next step, so that no one else takes the execution meanwhile. */
    public void renew(String executionId, Instant until) {
        jdbc.sql("update saga_queue set lease_until = ? where execution_id = ?").params(Timestamp.from(until), executionId).update();
    }

    /** Gives the lease back with the next step due at {@code dueAt}; {@code waitingFor} names what it waits for. */
    public void reschedule(String executionId, Instant dueAt, String waitingFor, String error) {
        jdbc.sql("""
                update saga_queue set due_at = case when woken then least(?, now()) else ? end, lease_until = null,
                       waiting_for = ?, last_error = ?, woken = false
                where execution_id = ?""")
                .params(Timestamp.from(dueAt), Timestamp.from(dueAt), waitingFor, error, executionId).update();
    }

    /** Gives the lease back after progress: due at {@code dueAt} (hosts at work), the failure count starts again. */
    public void rest(String executionId, Instant dueAt, String waitingFor) {
        jdbc.sql("""
                update saga_queue set due_at = case when woken then least(?, now()) else ? end, lease_until = null,
                       waiting_for = ?, last_error = null, attempts = 0, woken = false
                where execution_id = ?""")
                .params(Timestamp.from(dueAt), Timestamp.from(dueAt), waitingFor, executionId).update();
    }

    /** How many claims in a row did not get the execution further (for back-off). */
    public int attempts(String executionId) {
        return jdbc.sql("select attempts from saga_queue where execution_id = ?").param(executionId)
                .query(Integer.class).optional().orElse(1);
    }

    /** Makes an execution due now (a host reported, a lease ran out, a cancellation). */
    public void wake(String executionId, Instant now) {
        jdbc.sql("update saga_queue set due_at = least(due_at, ?), woken = true where execution_id = ?")
                .params(Timestamp.from(now), executionId).update();
    }

    public void finished(String executionId) {
        jdbc.sql("delete from saga_queue where execution_id = ?").param(executionId).update();
    }

    public Optional<String> waitingFor(String executionId) {
        return jdbc.sql("select waiting_for from saga_queue where execution_id = ?").param(executionId)
                .query((row, index) -> Optional.ofNullable(row.getString(1))).list().stream().findFirst().flatMap(w -> w);
    }
}
