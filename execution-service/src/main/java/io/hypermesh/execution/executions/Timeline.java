package io.hypermesh.execution.executions;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every step an execution went through, with its time: what the client reads as the timeline. Append-only. */
@Repository
public class Timeline {

    public record Event(Instant at, String state, String step, String detail) {
    }

    private final JdbcClient jdbc;

    Timeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Execution execution, String detail, Instant at) {
        jdbc.sql("insert into execution_events (execution_id, at, state, step, detail) values (?, ?, ?, ?, ?)")
                .params(execution.id(), java.sql.Timestamp.from(at), execution.state().name(), execution.step().name(), detail)
                .update();
    }

    public List<Event> of(String executionId) {
        return jdbc.sql("select at, state, step, detail from execution_events where execution_id = ? order by id")
                .param(executionId)
                .query((row, index) -> new Event(row.getTimestamp("at").toInstant(), row.getString("state"),
                        row.getString("step"), row.getString("detail")))
                .list();
    }
}
