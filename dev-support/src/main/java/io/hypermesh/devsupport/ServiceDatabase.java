package io.hypermesh.devsupport;

import java.util.Map;

/** Where one service keeps its data: a JDBC URL, its own login and its own schema. */
public record ServiceDatabase(String jdbcUrl, String user, String password, String schema) {

    /** The environment variables every service reads for its database (see each service's application.yaml). */
    public Map<String, String> environment() {
        return Map.of(
                "HYPERMESH_DB_URL", jdbcUrl,
                "HYPERMESH_DB_USER", user,
                "HYPERMESH_DB_PASSWORD", password);
    }

    /** The same, as Spring properties, for tests that start a service in-process. */
    public Map<String, String> springProperties() {
        return Map.of(
                "spring.datasource.url", jdbcUrl,
                "spring.datasource.username", user,
                "spring.datasource.password", password);
    }
}
