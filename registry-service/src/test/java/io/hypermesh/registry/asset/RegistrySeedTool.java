package io.hypermesh.registry.asset;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Seeds the registry schema of a running suite with realistic assets; not a test: bench/registry-seed.sh
 * runs it. Arguments: rows (default 1,000,000). Database: HYPERMESH_SEED_DB_URL (default the local run's
 * embedded PostgreSQL, jdbc:postgresql://localhost:54329/hypermesh), HYPERMESH_SEED_DB_USER / _PASSWORD
 * (default postgres / postgres), HYPERMESH_SEED_SCHEMA (default registry). Seeding again adds nothing.
 */
public final class RegistrySeedTool {

    private RegistrySeedTool() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        String url = env("HYPERMESH_SEED_DB_URL", "jdbc:postgresql://localhost:54329/hypermesh");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, env("HYPERMESH_SEED_DB_USER", "postgres"),
                env("HYPERMESH_SEED_DB_PASSWORD", "postgres"));
        dataSource.setSchema(env("HYPERMESH_SEED_SCHEMA", "registry"));
        long started = System.nanoTime();
        SearchSeed.seed(dataSource, 1, rows + 1, done -> System.out.printf("  %,d assets%n", done - 1));
        System.out.printf("Seeded %,d assets in %.1f s (including ANALYZE).%n", rows, (System.nanoTime() - started) / 1e9);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
