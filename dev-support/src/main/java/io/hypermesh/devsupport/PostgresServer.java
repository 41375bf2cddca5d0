package io.hypermesh.devsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server the suite can use: an external one reached by URL, or an embedded real
 * PostgreSQL whose binaries come from Maven Central. It hands out one schema and one login role per
 * service, so each service can reach only its own schema.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,40}");

    private final String adminUrl;
    private final String adminUser;
    private final String adminPassword;
    private final EmbeddedPostgres embedded;

    private PostgresServer(String adminUrl, String adminUser, String adminPassword, EmbeddedPostgres embedded) {
        this.adminUrl = adminUrl;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.embedded = embedded;
    }

    /** Connects to a server that already runs; the user must be allowed to create roles and schemas. */
    public static PostgresServer external(String jdbcUrl, String user, String password) {
        PostgresServer server = new PostgresServer(jdbcUrl, user, password, null);
        server.execute("select 1");
        return server;
    }

    /**
     * Starts an embedded server. With a data directory its data survives restarts; with none it is
     * thrown away on close. Port 0 picks a free port.
     */
    public static PostgresServer embedded(Path dataDirectory, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", dataDirectory == null ? "off" : "on");
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            // Credentials go as connection properties, never in the URL, where they would override a service's own login.
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
            return new PostgresServer(url, "postgres", "postgres", postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    public String adminUrl() {
        return adminUrl;
    }

    public String adminUser() {
        return adminUser;
    }

    public String adminPassword() {
        return adminPassword;
    }

    /** The JDBC URL of another database on the same server. */
    public String urlOfDatabase(String database) {
        requireName(database);
        int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = adminUrl.indexOf('?', slash);
        return adminUrl.substring(0, slash + 1) + database + (query < 0 ? "" : adminUrl.substring(query));
    }

    /** Creates a database unless it exists; returns the same server pointed at it (closing either stops an embedded server). */
    public PostgresServer withDatabase(String database) {
        requireName(database);
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            var result = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'");
            if (!result.next()) {
                statement.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database + ": " + e.getMessage(), e);
        }
        return new PostgresServer(urlOfDatabase(database), adminUser, adminPassword, embedded);
    }

    public void dropDatabase(String database) {
        requireName(database);
        execute("drop database if exists " + database + " with (force)");
    }

    /**
     * Gives {@code service} its own schema and login role (named {@code hm_<service>}) that owns that
     * schema and nothing else. Where the server does not let us create roles, the schema is created
     * and the admin login is used for it.
     */
    public ServiceDatabase provision(String service, String password) {
        requireName(service);
        String role = "hm_" + service;
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            if (canCreateRoles(statement)) {
                statement.execute("""
                        do $$ begin
                          create role %1$s login password '%2$s';
                        exception when duplicate_object then
                          alter role %1$s login password '%2$s';
                        end $$""".formatted(role, password.replace("'", "''")));
                statement.execute("create schema if not exists " + service + " authorization " + role);
                statement.execute("alter schema " + service + " owner to " + role);
                statement.execute("revoke all on schema " + service + " from public");
                return new ServiceDatabase(adminUrl, role, password, service);
            }
            statement.execute("create schema if not exists " + service);
            return new ServiceDatabase(adminUrl, adminUser, adminPassword, service);
        } catch (SQLException e) {
            throw new IllegalStateException("could not provision schema " + service + ": " + e.getMessage(), e);
        }
    }

    private static boolean canCreateRoles(Statement statement) throws SQLException {
        var result = statement.executeQuery("select rolsuper or rolcreaterole from pg_roles where rolname = current_user");
        return result.next() && result.getBoolean(1);
    }

    public void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused '" + sql + "': " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(adminUrl, adminUser, adminPassword);
    }

    private static void requireName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lowercase SQL name: " + name);
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
            }
        }
    }
}
