package io.hypermesh.registry.usage;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UsageRepository {

    private final JdbcClient jdbc;

    UsageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the execution was reported before (nothing is written then). */
    boolean insertExecution(String executionId, UUID assetId, int version, boolean success, long durationMs, Instant now) {
        return jdbc.sql("""
                        insert into asset_executions (execution_id, asset_id, version, success, duration_ms, reported_at)
                        values (:executionId, :assetId, :version, :success, :durationMs, :now)
                        on conflict (execution_id) do nothing""")
                .param("executionId", executionId).param("assetId", assetId).param("version", version)
                .param("success", success).param("durationMs", durationMs).param("now", Timestamp.from(now))
                .update() == 1;
    }

    record StoredExecution(UUID assetId, int version, boolean success, long durationMs) {
    }

    Optional<StoredExecution> findExecution(String executionId) {
        return jdbc.sql("select asset_id, version, success, duration_ms from asset_executions where execution_id = :id")
                .param("id", executionId)
                .query((row, n) -> new StoredExecution(row.getObject("asset_id", UUID.class), row.getInt("version"),
                        row.getBoolean("success"), row.getLong("duration_ms")))
                .optional();
    }

    void addToTotals(UUID assetId, int version, boolean success, long durationMs) {
        jdbc.sql("""
                        insert into asset_usage (asset_id, version, executions, successes, total_duration_ms)
                        values (:assetId, :version, 1, :successes, :durationMs)
                        on conflict (asset_id, version) do update
                           set executions = asset_usage.executions + 1,
                               successes = asset_usage.successes + excluded.successes,
                               total_duration_ms = asset_usage.total_duration_ms + excluded.total_duration_ms""")
                .param("assetId", assetId).param("version", version).param("successes", success ? 1 : 0)
                .param("durationMs", durationMs).update();
    }

    /** Totals per version that has been executed, oldest version first. */
    List<UsageTotals> totals(UUID assetId) {
        return jdbc.sql("""
                        select version, executions, successes, total_duration_ms from asset_usage
                         where asset_id = :assetId order by version""")
                .param("assetId", assetId)
                .query((row, n) -> new UsageTotals(row.getInt("version"), row.getLong("executions"),
                        row.getLong("successes"), row.getLong("total_duration_ms")))
                .list();
    }
}
