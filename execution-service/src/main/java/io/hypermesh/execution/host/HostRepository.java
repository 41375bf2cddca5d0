package io.hypermesh.execution.host;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class HostRepository {

    private final JdbcClient jdbc;

    HostRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Registers the host, or re-registers one that is OFFLINE or LEFT; false when it is ONLINE or SUSPECT.
     * One statement decides, so two concurrent joins of the same host cannot both succeed.
     */
    boolean join(Host host) {
        HostResources resources = host.resources();
        return jdbc.sql("""
                        insert into hosts (id, public_key, cpu_cores, memory_mb, storage_mb, gpu_model, gpu_memory_mb,
                                           runtimes, privacy_capabilities, zone, x, y, z, status, load_permille,
                                           running_assignments, joined_at, last_heartbeat_at, left_at, updated_at)
                        values (:id, :publicKey, :cpuCores, :memoryMb, :storageMb, :gpuModel, :gpuMemoryMb,
                                :runtimes, :privacyCapabilities, :zone, :x, :y, :z, :status, :load,
                                :runningAssignments, :joinedAt, :lastHeartbeatAt, null, :joinedAt)
                        on conflict (id) do update
                           set public_key = excluded.public_key, cpu_cores = excluded.cpu_cores,
                               memory_mb = excluded.memory_mb, storage_mb = excluded.storage_mb,
                               gpu_model = excluded.gpu_model, gpu_memory_mb = excluded.gpu_memory_mb,
                               runtimes = excluded.runtimes, privacy_capabilities = excluded.privacy_capabilities,
                               zone = excluded.zone, x = excluded.x, y = excluded.y, z = excluded.z,
                               status = excluded.status, load_permille = excluded.load_permille,
                               running_assignments = excluded.running_assignments, joined_at = excluded.joined_at,
                               last_heartbeat_at = excluded.last_heartbeat_at, left_at = null,
                               updated_at = excluded.updated_at
                         where hosts.status not in ('ONLINE', 'SUSPECT')""")
                .param("id", host.id().value())
                .param("publicKey", host.publicKey())
                .param("cpuCores", resources.cpuCores())
                .param("memoryMb", resources.memoryMb())
                .param("storageMb", resources.storageMb())
                .param("gpuModel", resources.gpu() == null ? null : resources.gpu().model())
                .param("gpuMemoryMb", resources.gpu() == null ? null : resources.gpu().memoryMb())
                // A top-level String[] reaches the driver as one text[] value (only Iterables are expanded).
                .param("runtimes", host.runtimes().toArray(String[]::new))
                .param("privacyCapabilities", host.privacyCapabilities().toArray(String[]::new))
                .param("zone", host.zone())
                .param("x", host.coordinate().x())
                .param("y", host.coordinate().y())
                .param("z", host.coordinate().z())
                .param("status", host.status().name())
                .param("load", host.load())
                .param("runningAssignments", host.runningAssignments())
                .param("joinedAt", Timestamp.from(host.joinedAt()))
                .param("lastHeartbeatAt", Timestamp.from(host.lastHeartbeatAt()))
                .update() == 1;
    }

    /** Records a heartbeat of a host that has not left; a SUSPECT or OFFLINE host that speaks again is ONLINE. */
    Optional<Host> recordHeartbeat(HostId id, int load, int runningAssignments, Instant now) {
        return jdbc.sql("""
                        update hosts
                           set last_heartbeat_at = :now, load_permille = :load, running_assignments = :runningAssignments,
                               status = 'ONLINE', updated_at = :now
                         where id = :id and status <> 'LEFT'
                        returning *""")
                .param("id", id.value())
                .param("load", load)
                .param("runningAssignments", runningAssignments)
                .param("now", Timestamp.from(now))
                .query(HostRepository::map)
                .optional();
    }

    /** True when this call moved the host to LEFT; false when it had already left or does not exist. */
    boolean markLeft(HostId id, Instant now) {
        return jdbc.sql("""
                        update hosts set status = 'LEFT', left_at = :now, running_assignments = 0, updated_at = :now
                         where id = :id and status <> 'LEFT'""")
                .param("id", id.value())
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    /** Marks every ONLINE host silent since before {@code cutoff} SUSPECT; how many. The time condition is in the UPDATE. */
    int markSilentSuspect(Instant cutoff, Instant now) {
        return jdbc.sql("""
                        update hosts set status = 'SUSPECT', updated_at = :now
                         where status = 'ONLINE' and last_heartbeat_at < :cutoff""")
                .param("cutoff", Timestamp.from(cutoff))
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Marks every ONLINE or SUSPECT host silent since before {@code cutoff} as OFFLINE and returns them. The time
     * condition sits in the UPDATE itself, so a heartbeat racing the sweep wins and several replicas
     * may sweep at once without harm.
     */
    List<Host> markSilentOffline(Instant cutoff, Instant now) {
        return jdbc.sql("""
                        update hosts set status = 'OFFLINE', updated_at = :now
                         where status in ('ONLINE', 'SUSPECT') and last_heartbeat_at < :cutoff
                        returning *""")
                .param("cutoff", Timestamp.from(cutoff))
                .param("now", Timestamp.from(now))
                .query(HostRepository::map)
                .list();
    }

    Optional<Host> findById(HostId id) {
        return jdbc.sql("select * from hosts where id = :id").param("id", id.value()).query(HostRepository::map).optional();
    }

    List<Host> find(HostStatus status, String runtime, HostId after, int limit) {
        StringBuilder sql = new StringBuilder("select * from hosts where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (status != null) {
            sql.append(" and status = :status");
            params.put("status", status.name());
        }
        if (runtime != null) {
            sql.append(" and runtimes @> array[cast(:runtime as text)]");
            params.put("runtime", runtime);
        }
        if (after != null) {
            sql.append(" and id > :after");
            params.put("after", after.value());
        }
        sql.append(" order by id limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(HostRepository::map).list();
    }

    private static Host map(ResultSet row, int rowNumber) throws SQLException {
        String gpuModel = row.getString("gpu_model");
        Timestamp leftAt = row.getTimestamp("left_at");
        return new Host(
                new HostId(row.getString("id")),
                row.getString("public_key"),
                new HostResources(row.getInt("cpu_cores"), row.getInt("memory_mb"), row.getInt("storage_mb"),
                        gpuModel == null ? null : new Gpu(gpuModel, row.getInt("gpu_memory_mb"))),
                List.of((String[]) row.getArray("runtimes").getArray()),
                List.of((String[]) row.getArray("privacy_capabilities").getArray()),
                row.getString("zone"),
                new Coordinate(row.getDouble("x"), row.getDouble("y"), row.getDouble("z")),
                HostStatus.valueOf(row.getString("status")),
                row.getInt("load_permille"),
                row.getInt("running_assignments"),
                row.getTimestamp("joined_at").toInstant(),
                row.getTimestamp("last_heartbeat_at").toInstant(),
                leftAt == null ? null : leftAt.toInstant());
    }
}
