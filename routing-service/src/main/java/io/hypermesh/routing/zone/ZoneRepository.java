package io.hypermesh.routing.zone;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ZoneRepository {

    private final JdbcClient jdbc;

    ZoneRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the zone; false when the name is taken (decided by the primary key, so races are safe). */
    boolean insert(Zone zone) {
        return jdbc.sql("""
                        insert into zones (name, description, min_x, min_y, min_z, max_x, max_y, max_z, created_by, created_at)
                        values (:name, :description, :minX, :minY, :minZ, :maxX, :maxY, :maxZ, :createdBy, :createdAt)
                        on conflict (name) do nothing""")
                .param("name", zone.name())
                .param("description", zone.description())
                .param("minX", zone.bounds().min().x())
                .param("minY", zone.bounds().min().y())
                .param("minZ", zone.bounds().min().z())
                .param("maxX", zone.bounds().max().x())
                .param("maxY", zone.bounds().max().y())
                .param("maxZ", zone.bounds().max().z())
                .param("createdBy", zone.createdBy())
                .param("createdAt", Timestamp.from(zone.createdAt()))
                .update() == 1;
    }

    Optional<Zone> findByName(String name) {
        return jdbc.sql("select * from zones where name = :name").param("name", name).query(ZoneRepository::map).optional();
    }

    List<Zone> findAll() {
        return jdbc.sql("select * from zones order by name").query(ZoneRepository::map).list();
    }

    private static Zone map(ResultSet row, int rowNumber) throws SQLException {
        return new Zone(
                row.getString("name"),
                row.getString("description"),
                new Bounds(
                        new Coordinate(row.getDouble("min_x"), row.getDouble("min_y"), row.getDouble("min_z")),
                        new Coordinate(row.getDouble("max_x"), row.getDouble("max_y"), row.getDouble("max_z"))),
                row.getString("created_by"),
                row.getTimestamp("created_at").toInstant());
    }
}
