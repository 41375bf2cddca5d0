package io.hypermesh.registry.asset;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Versions live in {@code asset_versions} (code included); {@code assets} holds each asset's identity
 * and a projection of its latest version without the code, which list and search read alone. Every
 * write of a version row is followed, in the same transaction, by {@link #refreshProjection}.
 */
@Repository
class AssetRepository {

    /** What a summary needs: list and search never read the code. */
    private static final String SUMMARY_COLUMNS = """
            id, owner, name, description, runtime, code_digest, code_size_bytes, cpu_cores, memory_mb, storage_mb,
            gpu_model, gpu_memory_mb, network, max_runtime_seconds, privacy, allowed_zones, tags, latest_version,
            status, created_at, updated_at""";

    private static final String PROJECTED_COLUMNS = """
            name, description, runtime, code_digest, code_size_bytes, cpu_cores, memory_mb, storage_mb, gpu_model,
            gpu_memory_mb, network, max_runtime_seconds, privacy, allowed_zones, tags, status""";

    /** Copies the newest version of one asset into its assets row. */
    static final String REFRESH_PROJECTION = """
            update assets a
               set latest_version = v.version, name = v.name, description = v.description, runtime = v.runtime,
                   code_digest = v.code_digest, code_size_bytes = v.code_size_bytes, cpu_cores = v.cpu_cores,
                   memory_mb = v.memory_mb, storage_mb = v.storage_mb, gpu_model = v.gpu_model,
                   gpu_memory_mb = v.gpu_memory_mb, network = v.network, max_runtime_seconds = v.max_runtime_seconds,
                   privacy = v.privacy, allowed_zones = v.allowed_zones, tags = v.tags, status = v.status,
                   updated_at = greatest(a.updated_at, v.updated_at)
              from asset_versions v
             where a.id = :id and v.asset_id = a.id
               and v.version = (select max(version) from asset_versions where asset_id = :id)""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AssetRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A new asset: its first version, then its assets row derived from it (the foreign key is deferred). */
    void insertAsset(Asset asset) {
        insertVersion(asset);
        jdbc.sql("insert into assets (id, owner, latest_version, created_at, updated_at, " + PROJECTED_COLUMNS + ") "
                        + "select asset_id, :owner, version, created_at, updated_at, " + PROJECTED_COLUMNS
                        + " from asset_versions where asset_id = :id and version = :version")
                .param("id", asset.id().value())
                .param("owner", asset.owner())
                .param("version", asset.version())
                .update();
    }

    /** A new version row and its dependencies; a version number taken meanwhile fails on the primary key. */
    void insertVersion(Asset asset) {
        AssetContent content = asset.content();
        ResourceRequirements resources = content.resources();
        jdbc.sql("""
                        insert into asset_versions (asset_id, version, name, description, runtime, code, code_digest,
                                                    code_size_bytes, entrypoint, parameters_schema, cpu_cores, memory_mb,
                                                    storage_mb, gpu_model, gpu_memory_mb, network, max_runtime_seconds,
                                                    privacy, allowed_zones, tags, status, revision, created_at, updated_at)
                        values (:id, :version, :name, :description, :runtime, :code, :codeDigest, :codeSize, :entrypoint,
                                cast(:parameters as jsonb), :cpuCores, :memoryMb, :storageMb, :gpuModel, :gpuMemoryMb,
                                :network, :maxRuntimeSeconds, :privacy, :allowedZones, :tags, :status, :revision,
                                :createdAt, :updatedAt)""")
                .param("id", asset.id().value())
                .param("version", asset.version())
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
                .param("status", asset.status().name())
                .param("revision", asset.revision())
                .param("createdAt", Timestamp.from(asset.createdAt()))
                .param("updatedAt", Timestamp.from(asset.updatedAt()))
                .update();
        insertDependencies(asset.ref(), content.dependencies());
    }

    /**
     * Writes the revised content only if nobody changed the version since {@code expectedRevision} was read
     * and it is still a draft; false otherwise (the caller re-reads to say why).
     */
    boolean updateDraft(Asset revised, long expectedRevision) {
        AssetContent content = revised.content();
        ResourceRequirements resources = content.resources();
        boolean updated = jdbc.sql("""
                        update asset_versions
                           set name = :name, description = :description, runtime = :runtime, code = :code,
                               code_digest = :codeDigest, code_size_bytes = :codeSize, entrypoint = :entrypoint,
                               parameters_schema = cast(:parameters as jsonb), cpu_cores = :cpuCores, memory_mb = :memoryMb,
                               storage_mb = :storageMb, gpu_model = :gpuModel, gpu_memory_mb = :gpuMemoryMb, network = :network,
                               max_runtime_seconds = :maxRuntimeSeconds, privacy = :privacy, allowed_zones = :allowedZones,
                               tags = :tags, revision = :revision, updated_at = :updatedAt
                         where asset_id = :id and version = :version and revision = :expectedRevision and status = 'DRAFT'""")
                .param("id", revised.id().value())
                .param("version", revised.version())
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
        if (updated) {
            jdbc.sql("delete from asset_dependencies where asset_id = :id and version = :version")
                    .param("id", revised.id().value()).param("version", revised.version()).update();
            insertDependencies(revised.ref(), content.dependencies());
        }
        return updated;
    }

    /**
     * Locks the version row, then tells whether a deployment of it is in flight (a row of the deployment package's
     * {@code deployment_requests}). The lock comes first so that a deployment that is just starting — it holds the same
     * row lock while it stores its request — is seen here once it commits.
     */
    boolean lockAndCheckDeploying(AssetId id, int version) {
        jdbc.sql("select version from asset_versions where asset_id = :id and version = :version for update")
                .param("id", id.value()).param("version", version).query(Integer.class).optional();
        return jdbc.sql("select exists (select 1 from deployment_requests where asset_id = :id and version = :version)")
                .param("id", id.value()).param("version", version).query(Boolean.class).single();
    }

    /** DRAFT or DEPLOYED becomes RETIRED, keeping its deployment; false when it already was retired or changed. */
    boolean retire(Asset retired, long expectedRevision) {
        return jdbc.sql("""
                        update asset_versions set status = 'RETIRED', revision = :revision, updated_at = :updatedAt
                         where asset_id = :id and version = :version and revision = :expectedRevision and status <> 'RETIRED'""")
                .param("id", retired.id().value())
                .param("version", retired.version())
                .param("expectedRevision", expectedRevision)
                .param("revision", retired.revision())
                .param("updatedAt", Timestamp.from(retired.updatedAt()))
                .update() == 1;
    }

    void refreshProjection(AssetId id) {
        jdbc.sql(REFRESH_PROJECTION).param("id", id.value()).update();
    }

    Optional<Asset> findLatest(AssetId id) {
        return jdbc.sql("""
                        select v.*, a.owner from assets a join asset_versions v on v.asset_id = a.id and v.version = a.latest_version
                         where a.id = :id""")
                .param("id", id.value()).query(this::mapVersion).optional().map(this::withDependencies);
    }

    Optional<Asset> findVersion(AssetId id, int version) {
        return jdbc.sql("""
                        select v.*, a.owner from assets a join asset_versions v on v.asset_id = a.id
                         where a.id = :id and v.version = :version""")
                .param("id", id.value()).param("version", version).query(this::mapVersion).optional().map(this::withDependencies);
    }

    /** Every version, newest first, as summaries: the code is not read. */
    List<VersionSummaryResponse> findVersionSummaries(AssetId id) {
        return jdbc.sql("""
                        select version, status, code_digest, deployment_block_height, deployment_block_hash, deployed_at,
                               created_at, updated_at
                          from asset_versions where asset_id = :id order by version desc""")
                .param("id", id.value())
                .query((row, n) -> new VersionSummaryResponse(row.getInt("version"), AssetStatus.valueOf(row.getString("status")),
                        row.getString("code_digest"), deployment(row), row.getTimestamp("created_at").toInstant(),
                        row.getTimestamp("updated_at").toInstant()))
                .list();
    }

    /** The owner and privacy of an asset (its latest version's), which decide who sees it. */
    Optional<AssetAccessRow> findAccess(AssetId id) {
        return jdbc.sql("select id, owner, privacy from assets where id = :id").param("id", id.value())
                .query((row, n) -> new AssetAccessRow(id, row.getString("owner"), PrivacyLevel.valueOf(row.getString("privacy"))))
                .optional();
    }

    /** Owner and privacy of each of {@code ids} that exists. */
    Map<AssetId, AssetAccessRow> findAccess(Set<AssetId> ids) {
        Map<AssetId, AssetAccessRow> rows = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return rows;
        }
        jdbc.sql("select id, owner, privacy from assets where id = any(:ids)")
                .param("ids", ids.stream().map(AssetId::value).toArray(UUID[]::new))
                .query((ResultSet row) -> {
                    AssetId id = new AssetId(row.getObject("id", UUID.class));
                    rows.put(id, new AssetAccessRow(id, row.getString("owner"), PrivacyLevel.valueOf(row.getString("privacy"))));
                });
        return rows;
    }

    boolean versionExists(VersionRef ref) {
        return jdbc.sql("select exists (select 1 from asset_versions where asset_id = :id and version = :version)")
                .param("id", ref.assetId().value()).param("version", ref.version()).query(Boolean.class).single();
    }

    /** The owners of the networks {@code member} belongs to. */
    Set<String> networkOwnersOf(String member) {
        return new HashSet<>(jdbc.sql("""
                        select distinct n.owner from network_members m join networks n on n.id = m.network_id
                         where m.member = :member""")
                .param("member", member).query(String.class).list());
    }

    /** True when PostgreSQL finds at least one word to search for in the text (not only stop words). */
    boolean hasSearchableWords(String text) {
        return jdbc.sql("select numnode(websearch_to_tsquery('english', :text)) > 0").param("text", text)
                .query(Boolean.class).single();
    }

    /**
     * One page of the assets {@code viewer} may see, in id (creation) order after {@code after}. The
     * visibility rule is part of the query so a page never comes back short because hidden rows were
     * dropped afterwards; each supported filter has an index (see V2__asset_versions_and_search.sql).
     */
    List<AssetSummaryResponse> search(Viewer viewer, AssetSearch search, AssetId after, int limit) {
        SearchQuery query = searchQuery(viewer, search, after, limit);
        return jdbc.sql(query.sql()).params(query.params()).query(this::mapSummary).list();
    }

    /** The SQL of {@link #search} and its parameters; tests EXPLAIN exactly this. */
    record SearchQuery(String sql, Map<String, Object> params) {
    }

    static SearchQuery searchQuery(Viewer viewer, AssetSearch search, AssetId after, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> where = new ArrayList<>();
        where.add(visibility(viewer, search, params));
        if (search.text() != null) {
            where.add("search @@ websearch_to_tsquery('english', :text)");
            params.put("text", search.text());
        }
        if (search.owner() != null) {
            where.add("owner = :owner");
            params.put("owner", search.owner());
        }
        if (search.runtime() != null) {
            where.add("runtime = :runtime");
            params.put("runtime", search.runtime());
        }
        if (search.tag() != null) {
            where.add("tags @> array[cast(:tag as text)]");
            params.put("tag", search.tag());
        }
        if (search.status() != null) {
            where.add("status = :status");
            params.put("status", search.status().name());
        }
        range(where, params, "cpu_cores", ">=", "cpuCoresMin", search.cpuCoresMin());
        range(where, params, "cpu_cores", "<=", "cpuCoresMax", search.cpuCoresMax());
        range(where, params, "memory_mb", ">=", "memoryMbMin", search.memoryMbMin());
        range(where, params, "memory_mb", "<=", "memoryMbMax", search.memoryMbMax());
        range(where, params, "gpu_memory_mb", ">=", "gpuMemoryMbMin", search.gpuMemoryMbMin());
        range(where, params, "max_runtime_seconds", "<=", "maxRuntimeSecondsMax", search.maxRuntimeSecondsMax());
        if (search.gpu() != null) {
            where.add(search.gpu() ? "gpu_model is not null" : "gpu_model is null");
        }
        if (after != null) {
            where.add("id > :after");
            params.put("after", after.value());
        }
        params.put("limit", limit);
        return new SearchQuery("select " + SUMMARY_COLUMNS + " from assets where " + String.join(" and ", where)
                + " order by id limit :limit", params);
    }

    /**
     * The visibility rule as SQL, narrowed by the privacy and owner filters when they decide it alone:
     * "privacy = PRIVATE" is "my own private assets" (the owner index), and so on. Narrower predicates
     * give the planner index conditions instead of an OR it can only filter by.
     */
    static String visibility(Viewer viewer, AssetSearch search, Map<String, Object> params) {
        params.put("caller", viewer.identity());
        if (search.owner() != null && search.owner().equals(viewer.identity())) {
            return search.privacy() == null ? "true" : privacyIs(search.privacy(), params);
        }
        if (search.privacy() != null) {
            return switch (search.privacy()) {
                case PRIVATE -> "owner = :caller and privacy = 'PRIVATE'";
                case PRIVATE_NETWORK -> {
                    params.put("networkOwners", viewer.privateNetworkOwners());
                    yield "owner = any(:networkOwners) and privacy = 'PRIVATE_NETWORK'";
                }
                default -> privacyIs(search.privacy(), params);
            };
        }
        if (viewer.networkOwners().isEmpty()) {
            return "(privacy in " + PrivacyLevel.PUBLIC_LEVELS_SQL + " or owner = :caller)";
        }
        params.put("networkOwners", viewer.networkOwners().toArray(String[]::new));
        return "(privacy in " + PrivacyLevel.PUBLIC_LEVELS_SQL + " or owner = :caller"
                + " or (privacy = 'PRIVATE_NETWORK' and owner = any(:networkOwners)))";
    }

    private static String privacyIs(PrivacyLevel privacy, Map<String, Object> params) {
        params.put("privacy", privacy.name());
        return "privacy = :privacy";
    }

    private static void range(List<String> where, Map<String, Object> params, String column, String operator,
            String name, Integer value) {
        if (value != null) {
            where.add(column + " " + operator + " :" + name);
            params.put(name, value);
        }
    }

    // ---- dependencies ----

    private void insertDependencies(VersionRef from, List<VersionRef> dependencies) {
        int position = 0;
        for (VersionRef to : dependencies) {
            jdbc.sql("""
                            insert into asset_dependencies (asset_id, version, depends_on_id, depends_on_version, position)
                            values (:id, :version, :toId, :toVersion, :position)""")
                    .param("id", from.assetId().value()).param("version", from.version())
                    .param("toId", to.assetId().value()).param("toVersion", to.version())
                    .param("position", position++)
                    .update();
        }
    }

    private Asset withDependencies(Asset asset) {
        List<VersionRef> dependencies = jdbc.sql("""
                        select depends_on_id, depends_on_version from asset_dependencies
                         where asset_id = :id and version = :version order by position""")
                .param("id", asset.id().value()).param("version", asset.version())
                .query((row, n) -> new VersionRef(new AssetId(row.getObject("depends_on_id", UUID.class)),
                        row.getInt("depends_on_version")))
                .list();
        AssetContent c = asset.content();
        AssetContent content = new AssetContent(c.name(), c.description(), c.runtime(), c.code(), c.codeDigest(),
                c.entrypoint(), c.parameters(), c.resources(), c.privacy(), c.allowedZones(), c.tags(), dependencies);
        return new Asset(asset.id(), asset.owner(), content, asset.version(), asset.status(), asset.revision(),
                asset.deployment(), asset.createdAt(), asset.updatedAt());
    }

    /** Serializes writes that add dependency edges, so two of them cannot close a cycle together. */
    void lockDependencyGraph() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('registry.asset_dependencies'))").query().singleRow();
    }

    /**
     * The dependency edges reachable from {@code roots} within {@code maxDepth} steps, each with the
     * smallest depth it is reached at (1 = an edge of a root). UNION keeps every (edge, depth) once, so
     * the walk is bounded by edges × depth however the graph branches.
     */
    List<DependencyEdge> edgesReachableFrom(List<VersionRef> roots, int maxDepth) {
        if (roots.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        with recursive walk (asset_id, version, depends_on_id, depends_on_version, depth) as (
                            select e.asset_id, e.version, e.depends_on_id, e.depends_on_version, 1
                              from asset_dependencies e
                              join unnest(cast(:ids as uuid[]), cast(:versions as int[])) as r (id, version)
                                on e.asset_id = r.id and e.version = r.version
                            union
                            select e.asset_id, e.version, e.depends_on_id, e.depends_on_version, w.depth + 1
                              from walk w
                              join asset_dependencies e on e.asset_id = w.depends_on_id and e.version = w.depends_on_version
                             where w.depth < :maxDepth
                        )
                        select asset_id, version, depends_on_id, depends_on_version, min(depth) as depth
                          from walk group by asset_id, version, depends_on_id, depends_on_version
                         order by min(depth), asset_id, version, depends_on_id, depends_on_version""")
                .param("ids", roots.stream().map(r -> r.assetId().value()).toArray(UUID[]::new))
                .param("versions", roots.stream().map(VersionRef::version).toArray(Integer[]::new))
                .param("maxDepth", maxDepth)
                .query((row, n) -> new DependencyEdge(
                        new VersionRef(new AssetId(row.getObject("asset_id", UUID.class)), row.getInt("version")),
                        new VersionRef(new AssetId(row.getObject("depends_on_id", UUID.class)), row.getInt("depends_on_version")),
                        row.getInt("depth")))
                .list();
    }

    /** Name, status, owner and privacy of each version in {@code refs}. */
    Map<VersionRef, GraphNodeRow> graphNodes(Set<VersionRef> refs) {
        Map<VersionRef, GraphNodeRow> nodes = new LinkedHashMap<>();
        if (refs.isEmpty()) {
            return nodes;
        }
        jdbc.sql("""
                        select v.asset_id, v.version, v.name, v.status, a.owner, a.privacy
                          from unnest(cast(:ids as uuid[]), cast(:versions as int[])) as r (id, version)
                          join asset_versions v on v.asset_id = r.id and v.version = r.version
                          join assets a on a.id = v.asset_id""")
                .param("ids", refs.stream().map(r -> r.assetId().value()).toArray(UUID[]::new))
                .param("versions", refs.stream().map(VersionRef::version).toArray(Integer[]::new))
                .query((ResultSet row) -> {
                    VersionRef ref = new VersionRef(new AssetId(row.getObject("asset_id", UUID.class)), row.getInt("version"));
                    nodes.put(ref, new GraphNodeRow(ref, row.getString("name"), AssetStatus.valueOf(row.getString("status")),
                            row.getString("owner"), PrivacyLevel.valueOf(row.getString("privacy"))));
                });
        return nodes;
    }

    record AssetAccessRow(AssetId id, String owner, PrivacyLevel privacy) {
    }

    record DependencyEdge(VersionRef from, VersionRef to, int depth) {
    }

    record GraphNodeRow(VersionRef ref, String name, AssetStatus status, String owner, PrivacyLevel privacy) {
    }

    // ---- mapping ----

    private Asset mapVersion(ResultSet row, int rowNumber) throws SQLException {
        String parameters = row.getString("parameters_schema");
        AssetContent content = new AssetContent(
                row.getString("name"),
                row.getString("description"),
                row.getString("runtime"),
                row.getString("code"),
                row.getString("code_digest"),
                row.getString("entrypoint"),
                parameters == null ? null : json.readValue(parameters, JsonNode.class),
                resources(row),
                PrivacyLevel.valueOf(row.getString("privacy")),
                texts(row.getArray("allowed_zones")),
                texts(row.getArray("tags")),
                List.of());
        return new Asset(
                new AssetId(row.getObject("asset_id", UUID.class)),
                row.getString("owner"),
                content,
                row.getInt("version"),
                AssetStatus.valueOf(row.getString("status")),
                row.getLong("revision"),
                deployment(row),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant());
    }

    private AssetSummaryResponse mapSummary(ResultSet row, int rowNumber) throws SQLException {
        return new AssetSummaryResponse(
                row.getObject("id", UUID.class).toString(),
                row.getString("owner"),
                row.getString("name"),
                row.getString("description"),
                row.getString("runtime"),
                row.getString("code_digest"),
                row.getInt("code_size_bytes"),
                resources(row),
                PrivacyLevel.valueOf(row.getString("privacy")),
                texts(row.getArray("allowed_zones")),
                texts(row.getArray("tags")),
                row.getInt("latest_version"),
                AssetStatus.valueOf(row.getString("status")),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant());
    }

    private static Deployment deployment(ResultSet row) throws SQLException {
        long blockHeight = row.getLong("deployment_block_height");
        return row.wasNull() ? null : new Deployment(blockHeight, row.getString("deployment_block_hash"),
                row.getTimestamp("deployed_at").toInstant());
    }

    private static ResourceRequirements resources(ResultSet row) throws SQLException {
        String gpuModel = row.getString("gpu_model");
        GpuRequirement gpu = gpuModel == null ? null : new GpuRequirement(gpuModel, row.getInt("gpu_memory_mb"));
        return new ResourceRequirements(row.getInt("cpu_cores"), row.getInt("memory_mb"),
                row.getInt("storage_mb"), gpu, row.getBoolean("network"), row.getInt("max_runtime_seconds"));
    }

    private static List<String> texts(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
