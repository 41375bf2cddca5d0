package io.hypermesh.devsupport;

import java.util.UUID;

/**
 * The PostgreSQL a test JVM uses, started once and stopped at JVM exit. With
 * {@code HYPERMESH_TEST_DB_URL} (plus {@code HYPERMESH_TEST_DB_USER} and
 * {@code HYPERMESH_TEST_DB_PASSWORD}) it creates a fresh database on that server and drops it at the
 * end; otherwise it starts an embedded server on a free port.
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
}
