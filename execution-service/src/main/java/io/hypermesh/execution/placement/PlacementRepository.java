package io.hypermesh.execution.placement;

import io.hypermesh.execution.reputation.Reputation;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox's statements. Explicit SQL because each is one lock-exact step: a version bump inside the caller's
 * transaction, a claim with {@code for update skip locked} and a lease (several replicas dispatch without
 * taking the same host twice), and a completion that never moves {@code delivered_version} backwards.
 */
@Repository
class PlacementRepository {

    private final JdbcClient jdbc;

    PlacementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The host changed in a way routing must learn of; runs in the transaction of the change. */
    void changed(String hostId, Instant now) {
        jdbc.sql("""
                        insert into host_placements (host_id, version, next_attempt_at, updated_at)
                        values (:id, 1, :now, :now)
                        on conflict (host_id) do update
                           set version = host_placements.version + 1, next_attempt_at = :now, attempts = 0, updated_at = :now""")
                .param("id", hostId).param("now", Timestamp.from(now)).update();
    }

    /** A heartbeat: worth passing on when routing has not got this host as ONLINE, or its load moved by a step. */
    void heartbeat(String hostId, int load, int step, Instant now) {
        jdbc.sql("""
                        update host_placements
                           set version = version + 1, next_attempt_at = least(next_attempt_at, :now), updated_at = :now
                         where host_id = :id
                           and version = delivered_version
                           and (delivered_status is distinct from 'ONLINE' or abs(delivered_load - :load) >= :step)""")
                .param("id", hostId).param("load", load).param("step", step).param("now", Timestamp.from(now)).update();
    }

    /** Claims up to {@code limit} hosts with something to deliver, with the host's current state. */
    List<Pending> claim(int limit, Duration lease, Instant now) {
        return jdbc.sql("""
                        with claimed as (
                            update host_placements p
                               set lease_until = :leaseUntil
                             where p.host_id in (select host_id from host_placements
                                                  where version > delivered_version and next_attempt_at <= :now
                                                    and (lease_until is null or lease_until < :now)
                                                  order by next_attempt_at
                                                  limit :limit
                                                  for update skip locked)
                            returning p.host_id, p.version, p.attempts)
                        select c.host_id, c.version, c.attempts, h.status, h.zone, h.x, h.y, h.z, h.runtimes,
                               h.cpu_cores, h.memory_mb, h.storage_mb, h.gpu_model, h.gpu_memory_mb,
                               h.privacy_capabilities, h.load_permille, r.good, r.bad
                          from claimed c join hosts h on h.id = c.host_id
                          left join host_reputation r on r.host_id = c.host_id""")
                .param("leaseUntil", Timestamp.from(now.plus(lease))).param("now", Timestamp.from(now)).param("limit", limit)
                .query(PlacementRepository::map).list();
    }

    void delivered(Pending pending, Instant now) {
        jdbc.sql("""
                        update host_placements
                           set delivered_version = greatest(delivered_version, :version), delivered_status = :status,
                               delivered_load = :load, attempts = 0, lease_until = null, last_error = null, updated_at = :now
                         where host_id = :id""")
                .param("id", pending.hostId()).param("version", pending.version()).param("status", pending.status())
                .param("load", pending.loadPermille()).param("now", Timestamp.from(now)).update();
    }

    void failed(Pending pending, String error, Duration retryIn, Instant now) {
        jdbc.sql("""
                        update host_placements
                           set attempts = attempts + 1, next_attempt_at = :retryAt, lease_until = null,
                               last_error = :error, updated_at = :now
                         where host_id = :id""")
                .param("id", pending.hostId()).param("retryAt", Timestamp.from(now.plus(retryIn)))
                .param("error", error.length() > 500 ? error.substring(0, 500) : error).param("now", Timestamp.from(now))
                .update();
    }

    long pendingCount() {
        return jdbc.sql("select count(*) from host_placements where version > delivered_version").query(Long.class).single();
    }

    /** A host to deliver, as it is now. */
    record Pending(String hostId, long version, int attempts, String status, RoutingHosts.Placement placement) {

        int loadPermille() {
            return placement.loadPermille();
        }
    }

    private static Pending map(ResultSet row, int index) throws SQLException {
        RoutingHosts.Gpu gpu = row.getString("gpu_model") == null ? null
                : new RoutingHosts.Gpu(row.getString("gpu_model"), row.getLong("gpu_memory_mb"));
        RoutingHosts.Placement placement = new RoutingHosts.Placement(row.getString("zone"),
                new RoutingHosts.Coordinate(row.getDouble("x"), row.getDouble("y"), row.getDouble("z")),
                strings(row.getArray("runtimes")), row.getInt("cpu_cores"), row.getLong("memory_mb"), row.getLong("storage_mb"),
                gpu, strings(row.getArray("privacy_capabilities")), row.getInt("load_permille"),
                Reputation.score(row.getDouble("good"), row.getDouble("bad")));
        return new Pending(row.getString("host_id"), row.getLong("version"), row.getInt("attempts"), row.getString("status"),
                placement);
    }

    private static Set<String> strings(Array array) throws SQLException {
        return Set.of((String[]) array.getArray());
    }
}
