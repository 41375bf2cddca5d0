package io.hypermesh.registry.asset;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.ServiceDatabase;
import io.hypermesh.devsupport.TestPostgres;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** V2 moves every V1 asset, as it was, into version 1 of the new layout; on a schema of its own. */
class AssetMigrationTest {

    @Test
    void shouldMoveEveryV1AssetIntoItsFirstVersionKeepingItsData() {
        ServiceDatabase database = TestPostgres.server().provision("registry_migration", "test_registry_migration");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.user(), database.password());
        dataSource.setSchema(database.schema());
        flyway(dataSource, database.schema(), "1").migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        UUID deployed = UUID.randomUUID();
        UUID draft = UUID.randomUUID();
        insertV1(jdbc, deployed, "DEPLOYED", "image resizing in batches", new String[] {"vision", "image"});
        insertV1(jdbc, draft, "DRAFT", null, new String[] {});

        flyway(dataSource, database.schema(), "latest").migrate();

        Map<String, Object> version = jdbc.sql("select * from asset_versions where asset_id = :id").param("id", deployed)
                .query().singleRow();
        assertThat(version).containsEntry("version", 3).containsEntry("status", "DEPLOYED").containsEntry("revision", 7L)
                .containsEntry("code", "def main():\n    pass\n").containsEntry("entrypoint", "main")
                .containsEntry("cpu_cores", 4).containsEntry("gpu_model", "nvidia-t4");
        assertThat(version.get("deployment_block_height")).isNull();
        Map<String, Object> asset = jdbc.sql("select latest_version, status, owner, name from assets where id = :id")
                .param("id", deployed).query().singleRow();
        assertThat(asset).containsEntry("latest_version", 3).containsEntry("status", "DEPLOYED").containsEntry("name", "resize");
        List<String> columns = jdbc.sql("""
                        select column_name from information_schema.columns
                         where table_schema = :schema and table_name = 'assets'""")
                .param("schema", database.schema()).query(String.class).list();
        assertThat(columns).doesNotContain("code", "parameters_schema", "revision").contains("search", "latest_version");
        assertThat(jdbc.sql("select count(*) from assets where search @@ websearch_to_tsquery('english', 'resize images')")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from asset_versions where asset_id = :id and status = 'DRAFT'")
                .param("id", draft).query(Long.class).single()).isEqualTo(1);
    }

    private static Flyway flyway(DriverManagerDataSource dataSource, String schema, String target) {
        return Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration").target(target).load();
    }

    private static void insertV1(JdbcClient jdbc, UUID id, String status, String description, String[] tags) {
        jdbc.sql("""
                        insert into assets (id, owner, name, description, runtime, code, code_digest, code_size_bytes, entrypoint,
                                            parameters_schema, cpu_cores, memory_mb, storage_mb, gpu_model, gpu_memory_mb, network,
                                            max_runtime_seconds, privacy, allowed_zones, tags, version, status, revision,
                                            created_at, updated_at)
                        values (:id, 'hm1aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'resize', :description, 'python',
                                'def main():' || chr(10) || '    pass' || chr(10), repeat('a', 64), 21, 'main',
                                '{"type": "object"}', 4, 512, 0, 'nvidia-t4', 16384, false, 60, 'FULL_PUBLIC',
                                array['eu-west'], :tags, 3, :status, 7, now(), now())""")
                .param("id", id).param("description", description).param("tags", tags).param("status", status)
                .update();
    }
}
