package io.hypermesh.routing.host;

import io.hypermesh.routing.matrix.HostProfile;
import io.hypermesh.routing.matrix.PrivacyLevel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class HostRepository {

    private static final String COLUMNS = """
            id, zone, x, y, z, coordinate_error, runtimes, cpu_cores, memory_mb, storage_mb, gpu_model, gpu_memory_mb,
            privacy_levels, load_permille, reputation, version, removed, updated_at""";

    private final JdbcClient jdbc;

    HostRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts or replaces a host's capabilities; every write raises the version that replicas order by. */
    HostProfile upsert(HostProfile host) {
        return jdbc.sql("""
                        insert into hosts (id, zone, x, y, z, coordinate_error, runtimes, cpu_cores, memory_mb, storage_mb,
                                           gpu_model, gpu_memory_mb, privacy_levels, load_permille, reputation, version,
                                           removed, updated_at)
                        values (:id, :zone, :x, :y, :z, :error, :runtimes, :cpu, :memory, :storage, :gpuModel, :gpuMemory,
                                :privacy, :load, :reputation, 1, false, clock_timestamp())
                        on conflict (id) do update set
                            zone = excluded.zone, x = excluded.x, y = excluded.y, z = excluded.z,
                            coordinate_error = excluded.coordinate_error, runtimes = excluded.runtimes,
                            cpu_cores = excluded.cpu_cores, memory_mb = excluded.memory_mb, storage_mb = excluded.storage_mb,
                            gpu_model = excluded.gpu_model, gpu_memory_mb = excluded.gpu_memory_mb,
                            privacy_levels = excluded.privacy_levels, load_permille = excluded.load_permille,
                            reputation = excluded.reputation, version = hosts.version + 1, removed = false,
                            updated_at = clock_timestamp()
                        returning""" + " " + COLUMNS)
                .param("id", host.id())
                .param("zone", host.zone())
                .param("x", host.x())
                .param("y", host.y())
                .param("z", host.z())
                .param("error", host.coordinateError())
                .param("runtimes", host.runtimes().toArray(String[]::new))
                .param("cpu", host.cpuCores())
                .param("memory", host.memoryMb())
                .param("storage", host.storageMb())
                .param("gpuModel", host.gpuModel())
                .param("gpuMemory", host.gpuMemoryMb())
                .param("privacy", host.privacyLevels())
                .param("load", host.loadPermille())
                .param("reputation", host.reputation())
                .query(HostRepository::map).single().profile();
    }

    Optional<HostProfile> updateLoad(String id, int load, Integer reputation) {
        return jdbc.sql("""
                        update hosts set load_permille = :load, reputation = coalesce(:reputation, reputation),
                                         version = version + 1, updated_at = clock_timestamp()
                        where id = :id and not removed
                        returning""" + " " + COLUMNS)
                .param("id", id).param("load", load).param("reputation", reputation)
                .query(HostRepository::map).optional().map(HostRow::profile);
    }

    /** Locks the row: Vivaldi updates of one host are read-modify-write and must not interleave. */
    Optional<HostProfile> findActiveForUpdate(String id) {
        return jdbc.sql("select " + COLUMNS + " from hosts where id = :id and not removed for update")
                .param("id", id).query(HostRepository::map).optional().map(HostRow::profile);
    }

    Optional<HostProfile> findActive(String id) {
        return jdbc.sql("select " + COLUMNS + " from hosts where id = :id and not removed")
                .param("id", id).query(HostRepository::map).optional().map(HostRow::profile);
    }

    HostProfile updatePosition(String id, double x, double y, double z, double error) {
        return jdbc.sql("""
                        update hosts set x = :x, y = :y, z = :z, coordinate_error = :error,
                                         version = version + 1, updated_at = clock_timestamp()
                        where id = :id
                        returning""" + " " + COLUMNS)
                .param("id", id).param("x", x).param("y", y).param("z", z).param("error", error)
                .query(HostRepository::map).single().profile();
    }

    Optional<HostRow> markRemoved(String id) {
        return jdbc.sql("""
                        update hosts set removed = true, version = version + 1, updated_at = clock_timestamp()
                        where id = :id and not removed
                        returning""" + " " + COLUMNS)
                .param("id", id).query(HostRepository::map).optional();
    }

    List<HostProfile> findAllActive() {
        return jdbc.sql("select " + COLUMNS + " from hosts where not removed").query(HostRepository::map).stream()
                .map(HostRow::profile).toList();
    }

    /** Rows written at or after {@code since}, removed ones included, oldest first. */
    List<HostRow> findChangedSince(Instant since) {
        return jdbc.sql("select " + COLUMNS + " from hosts where updated_at >= :since order by updated_at")
                .param("since", Timestamp.from(since)).query(HostRepository::map).list();
    }

    /** A row of the change feed: the profile, whether it was removed, and when it was written. */
    record HostRow(HostProfile profile, boolean removed, Instant updatedAt) {
    }

    private static HostRow map(ResultSet row, int rowNumber) throws SQLException {
        String[] runtimes = (String[]) row.getArray("runtimes").getArray();
        HostProfile profile = new HostProfile(
                row.getString("id"), row.getString("zone"),
                row.getDouble("x"), row.getDouble("y"), row.getDouble("z"), row.getDouble("coordinate_error"),
                Set.of(runtimes), row.getInt("cpu_cores"), row.getLong("memory_mb"), row.getLong("storage_mb"),
                row.getString("gpu_model"), row.getLong("gpu_memory_mb"), row.getInt("privacy_levels"),
                row.getInt("load_permille"), row.getInt("reputation"), row.getLong("version"));
        return new HostRow(profile, row.getBoolean("removed"), row.getTimestamp("updated_at").toInstant());
    }
}
