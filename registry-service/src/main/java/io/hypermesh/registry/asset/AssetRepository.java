package io.hypermesh.registry.asset;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Repository
class AssetRepository {

    private static final String PUBLIC_LEVELS = "('P2P', 'PUBLIC_NETWORK', 'FULL_PUBLIC')";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AssetRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Asset asset) {
        AssetContent content = asset.content();
        ResourceRequirements resources = content.resources();
        jdbc.sql("""
                        insert into assets (id, owner, name, description, runtime, code, code_digest, code_size_bytes, entrypoint,
                                            parameters_schema, cpu_cores, memory_mb, storage_mb, gpu_model, gpu_memory_mb, network,
                                            max_runtime_seconds, privacy, allowed_zones, tags, version, status, revision,
                                            created_at, updated_at)
                        values (:id, :owner, :name, :description, :runtime, :code, :codeDigest, :codeSize, :entrypoint,
                                cast(:parameters as jsonb), :cpuCores, :memoryMb, :storageMb, :gpuModel, :gpuMemoryMb, :network,
                                :maxRuntimeSeconds, :privacy, :allowedZones, :tags, :version, :status, :revision,
                                :createdAt, :updatedAt)""")
                .param("id", asset.id().value())
                .param("owner", asset.owner())
                .param("name", content.name())
                .param("description", content.description())
                .param("runtime", content.runtime())
                .param("code", content.code())
                .param("codeDigest", content.codeDigest())
                .param("codeSize", content.codeSizeBytes())
                .param("entrypoint", content.entrypoint())
                .param("parameters", content.parameters() == null ? null : json.writeValueAsString(content.parameters()))
                .param("cpuCores", resources.cpuCores())
                .param("memoryMb", resources.memoryMb())
                .param("storageMb", resources.storageMb())
                .param("gpuModel", resources.gpu() == null ? null : resources.gpu().model())
                .param("gpuMemoryMb", resources.gpu() == null ? null : resources.gpu().memoryMb())
                .param("network", resources.network())
                .param("maxRuntimeSeconds", resources.maxRuntimeSeconds())
                .param("privacy", content.privacy().name())
                // A top-level String[] reaches the driver as one text[] value (only Iterables are expanded).
                .param("allowedZones", content.allowedZones().toArray(String[]::new))
                .param("tags", content.tags().toArray(String[]::new))
                .param("version", asset.version())
                .param("status", asset.status().name())
                .param("revision", asset.revision())
                .param("createdAt", Timestamp.from(asset.createdAt()))
                .param("updatedAt", Timestamp.from(asset.updatedAt()))
                .update();
    }

    /**
     * Writes the revised content only if nobody changed the row since {@code expectedRevision} was read
     * and it is still a draft; false otherwise (the caller re-reads to say why).
     */
    boolean updateDraft(Asset revised, long expectedRevision) {
        AssetContent content = revised.content();
        ResourceRequirements resources = content.resources();
        return jdbc.sql("""
                        update assets
                           set name = :name, description = :description, runtime = :runtime, code = :code,
                               code_digest = :codeDigest, code_size_bytes = :codeSize, entrypoint = :entrypoint,
                               parameters_schema = cast(:parameters as jsonb), cpu_cores = :cpuCores, memory_mb = :memoryMb,
                               storage_mb = :storageMb, gpu_model = :gpuModel, gpu_memory_mb = :gpuMemoryMb, network = :network,
                               max_runtime_seconds = :maxRuntimeSeconds, privacy = :privacy, allowed_zones = :allowedZones,
                               tags = :tags, revision = :revision, updated_at = :updatedAt
                         where id = :id and revision = :expectedRevision and status = 'DRAFT'""")
                .param("id", revised.id().value())
                .param("expectedRevision", expectedRevision)
                .param("name", content.name())
                .param("description", content.description())
                .param("runtime", content.runtime())
                .param("code", content.code())
                .param("codeDigest", content.codeDigest())
                .param("codeSize", content.codeSizeBytes())
                .param("entrypoint", content.entrypoint())
                .param("parameters", content.parameters() == null ? null : json.writeValueAsString(content.parameters()))
                .param("cpuCores", resources.cpuCores())
                .param("memoryMb", resources.memoryMb())
                .param("storageMb", resources.storageMb())
                .param("gpuModel", resources.gpu() == null ? null : resources.gpu().model())
                .param("gpuMemoryMb", resources.gpu() == null ? null : resources.gpu().memoryMb())
                .param("network", resources.network())
                .param("maxRuntimeSeconds", resources.maxRuntimeSeconds())
                .param("privacy", content.privacy().name())
                .param("allowedZones", content.allowedZones().toArray(String[]::new))
                .param("tags", content.tags().toArray(String[]::new))
                .param("revision", revised.revision())
                .param("updatedAt", Timestamp.from(revised.updatedAt()))
                .update() == 1;
    }

    Optional<Asset> findById(AssetId id) {
        return jdbc.sql("select * from assets where id = :id").param("id", id.value()).query(this::map).optional();
    }

    /**
     * One page of the assets {@code caller} may see, in id (creation) order after {@code after}.
     * Each filter is an indexed column; the visibility rule is part of the query so that a page never
     * comes back short because hidden rows were dropped afterwards.
     */
    List<Asset> findVisible(String caller, AssetFilter filter, AssetId after, int limit) {
        StringBuilder sql = new StringBuilder("select * from assets where (owner = :caller or privacy in " + PUBLIC_LEVELS + ")");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("caller", caller);
        if (filter.owner() != null) {
            sql.append(" and owner = :owner");
            params.put("owner", filter.owner());
        }
        if (filter.runtime() != null) {
            sql.append(" and runtime = :runtime");
            params.put("runtime", filter.runtime());
        }
        if (filter.tag() != null) {
            sql.append(" and tags @> array[cast(:tag as text)]");
            params.put("tag", filter.tag());
        }
        if (filter.status() != null) {
            sql.append(" and status = :status");
            params.put("status", filter.status().name());
        }
        if (after != null) {
            sql.append(" and id > :after");
            params.put("after", after.value());
        }
        sql.append(" order by id limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(this::map).list();
    }

    private Asset map(ResultSet row, int rowNumber) throws SQLException {
        String gpuModel = row.getString("gpu_model");
        GpuRequirement gpu = gpuModel == null ? null : new GpuRequirement(gpuModel, row.getInt("gpu_memory_mb"));
        ResourceRequirements resources = new ResourceRequirements(row.getInt("cpu_cores"), row.getInt("memory_mb"),
                row.getInt("storage_mb"), gpu, row.getBoolean("network"), row.getInt("max_runtime_seconds"));
        String parameters = row.getString("parameters_schema");
        AssetContent content = new AssetContent(
                row.getString("name"),
                row.getString("description"),
                row.getString("runtime"),
                row.getString("code"),
                row.getString("code_digest"),
                row.getString("entrypoint"),
                parameters == null ? null : json.readValue(parameters, JsonNode.class),
                resources,
                PrivacyLevel.valueOf(row.getString("privacy")),
                texts(row.getArray("allowed_zones")),
                texts(row.getArray("tags")));
        return new Asset(
                new AssetId(row.getObject("id", UUID.class)),
                row.getString("owner"),
                content,
                row.getInt("version"),
                AssetStatus.valueOf(row.getString("status")),
                row.getLong("revision"),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant());
    }

    private static List<String> texts(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
