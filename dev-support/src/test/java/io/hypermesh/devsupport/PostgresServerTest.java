package io.hypermesh.devsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class PostgresServerTest {

    @Test
    void shouldGiveEachServiceARoleThatReachesOnlyItsOwnSchema() throws SQLException {
        ServiceDatabase alpha = TestPostgres.forService("alpha");
        ServiceDatabase beta = TestPostgres.forService("beta");

        try (Connection connection = DriverManager.getConnection(alpha.jdbcUrl(), alpha.user(), alpha.password());
             Statement statement = connection.createStatement()) {
            statement.execute("create table alpha.notes (id bigint primary key)");
            statement.execute("insert into alpha.notes values (1)");
        }
        try (Connection connection = DriverManager.getConnection(beta.jdbcUrl(), beta.user(), beta.password());
             Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("select * from alpha.notes"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void shouldProvisionTheSameServiceTwiceWithoutError() {
        ServiceDatabase first = TestPostgres.forService("gamma");
        ServiceDatabase second = TestPostgres.forService("gamma");
        assertThat(second).isEqualTo(first);
        assertThat(first.user()).isEqualTo("hm_gamma");
    }
}
