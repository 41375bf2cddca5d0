package io.hypermesh.ledger.block;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.awaitility.Awaitility;

/**
 * Holds the chain-wide append lock from outside the service, as a second ledger instance in the middle of a commit
 * would: the group-commit writer then waits for it with one append while the next ones queue, so a test decides
 * exactly which appends share a group. Closing releases the lock.
 */
final class AppendLockHolder implements AutoCloseable {

    private final Connection connection;
    private final MeterRegistry meters;

    AppendLockHolder(DataSource dataSource, MeterRegistry meters) throws SQLException {
        this.connection = dataSource.getConnection();
        this.meters = meters;
        execute("select pg_advisory_lock(" + BlockRepository.APPEND_LOCK + ")");
    }

    /** Waits until the writer has taken an append and waits for the lock with it. */
    void awaitWriterWaiting() {
        await("the writer to wait for the append lock", () -> count("""
                select count(*) from pg_locks where locktype = 'advisory' and not granted""") == 1);
    }

    /** Waits until {@code appends} checked appends are queued behind the one the writer holds. */
    void awaitQueued(int appends) {
        await(appends + " queued appends", () -> meters.get("ledger.append.queue").gauge().value() == appends);
    }

    private long count(String sql) {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for a state the test has set in motion; gives up after a generous bound rather than hang the build. */
    private static void await(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).until(condition::getAsBoolean);
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            execute("select pg_advisory_unlock(" + BlockRepository.APPEND_LOCK + ")");
        } finally {
            connection.close();
        }
    }
}
