package io.hypermesh.execution.reputation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A host's reputation from what it did: decayed counts of good events (a result the majority shared) and bad ones
 * (a result it disagreed on, a lease it let run out, a run it could not finish). Each count halves every half-life, so
 * old behaviour fades. The score is {@code 1000 · (good + 1) / (good + bad + 2)}: 500 for a newcomer, towards 1000 for
 * a reliable host, towards 0 for a bad one. Explicit SQL (D5): decay and increment are one upsert, so concurrent
 * events never lose each other.
 */
@Repository
public class Reputation {

    /** Weights of the events, in units of one good result. */
    public static final double AGREED = 1.0;
    public static final double LATE = 0.5;
    public static final double LOST = 1.0;
    public static final double DISAGREED = 3.0;

    public record Standing(String hostId, int score, double good, double bad, Instant updatedAt) {
    }

    private final JdbcClient jdbc;
    private final double halfLifeSeconds;

    Reputation(JdbcClient jdbc, @Value("${hypermesh.execution.reputation.half-life:7d}") Duration halfLife) {
        this.jdbc = jdbc;
        this.halfLifeSeconds = Math.max(1, halfLife.toSeconds());
    }

    public void record(String hostId, double good, double bad, Instant now) {
        jdbc.sql("""
                insert into host_reputation (host_id, good, bad, updated_at, version) values (:id, :good, :bad, :now, 0)
                on conflict (host_id) do update set
                  good = host_reputation.good * power(0.5, greatest(0, extract(epoch from (excluded.updated_at - host_reputation.updated_at))) / :halfLife) + excluded.good,
                  bad = host_reputation.bad * power(0.5, greatest(0, extract(epoch from (excluded.updated_at - host_reputation.updated_at))) / :halfLife) + excluded.bad,
                  updated_at = greatest(host_reputation.updated_at, excluded.updated_at),
                  version = host_reputation.version + 1""")
                .param("id", hostId).param("good", good).param("bad", bad).param("now", Timestamp.from(now))
                .param("halfLife", halfLifeSeconds).update();
    }

    public Standing of(String hostId) {
        Optional<Standing> stored = jdbc.sql("select good, bad, updated_at from host_reputation where host_id = ?").param(hostId)
                .query((row, index) -> new Standing(hostId, score(row.getDouble("good"), row.getDouble("bad")),
                        row.getDouble("good"), row.getDouble("bad"), row.getTimestamp("updated_at").toInstant()))
                .optional();
        return stored.orElse(new Standing(hostId, score(0, 0), 0, 0, null));
    }

    public static int score(double good, double bad) {
        return (int) Math.round(1000 * (good + 1) / (good + bad + 2));
    }
}
