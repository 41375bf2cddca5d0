package io.hypermesh.devsupport;

import java.util.UUID;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL a test JVM uses, started once and stopped at JVM exit:
 * <ul>
 *   <li>with {@code HYPERMESH_TEST_DB_URL} (plus {@code HYPERMESH_TEST_DB_USER} and
 *       {@code HYPERMESH_TEST_DB_PASSWORD}): a fresh database on that server, dropped at the end;</li>
 *   <li>with {@code HYPERMESH_TEST_DB=testcontainers}: a PostgreSQL container (needs a Docker engine);</li>
 *   <li>otherwise: an embedded server on a free port (the default; needs nothing installed).</li>
 * </ul>
 */
public final class TestPostgres {

    private static PostgresServer server;

    private TestPostgres() {
    }

    public static synchronized PostgresServer server() {
        if (server == null) {
            server = start();
        }
        return server;
    }

    /** Provisions the schema and role of {@code service} on the test server. */
    public static ServiceDatabase forService(String service) {
        return server().provision(service, "test_" + service);
    }

    private static PostgresServer start() {
        String url = System.getenv("HYPERMESH_TEST_DB_URL");
        if ((url == null || url.isBlank()) && "testcontainers".equals(System.getenv("HYPERMESH_TEST_DB"))) {
            return inContainer();
        }
        if (url == null || url.isBlank()) {
            PostgresServer embedded = PostgresServer.embedded(null, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "embedded-postgres-stop"));
            return embedded;
        }
        PostgresServer external = PostgresServer.external(url,
                System.getenv().getOrDefault("HYPERMESH_TEST_DB_USER", "postgres"),
                System.getenv().getOrDefault("HYPERMESH_TEST_DB_PASSWORD", ""));
        String database = "hm_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        PostgresServer fresh = external.withDatabase(database);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> external.dropDatabase(database), "test-database-drop"));
        return fresh;
    }

    private static PostgresServer inContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "test-container-stop"));
        return PostgresServer.external(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }
}
