package io.hypermesh.devsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local run's promise: an embedded server whose data survives a restart. Always embedded, even in CI. */
class EmbeddedPostgresTest {

    @TempDir
    Path data;

    @Test
    void shouldKeepDataAcrossRestartsOfAnEmbeddedServer() throws SQLException {
        try (PostgresServer first = PostgresServer.embedded(data, 0)) {
            PostgresServer database = first.withDatabase("hypermesh");
            database.execute("create table survivors (name text primary key)");
            database.execute("insert into survivors values ('block-0')");
        }

        try (PostgresServer second = PostgresServer.embedded(data, 0);
             Connection connection = DriverManager.getConnection(second.urlOfDatabase("hypermesh"), second.adminUser(), second.adminPassword());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select name from survivors")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("block-0");
        }
    }
}
