package io.hypermesh.registry.deployment;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DeploymentRepository {

    private final JdbcClient jdbc;

    DeploymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String VERSION = """
            select v.asset_id, v.version, a.owner, v.status, v.code_digest, v.runtime, v.entrypoint, v.cpu_cores,
                   v.memory_mb, v.storage_mb, v.gpu_model, v.gpu_memory_mb, v.network, v.max_runtime_seconds,
                   v.privacy, v.allowed_zones, v.deployment_block_height, v.deployment_block_hash, v.deployed_at,
                   v.deployment_idempotency_key
              from asset_versions v join assets a on a.id = v.asset_id
             where v.asset_id = :assetId and v.version = :version""";

    Optional<VersionToDeploy> findVersion(UUID assetId, int version) {
        return jdbc.sql(VERSION).param("assetId", assetId).param("version", version)
                .query(DeploymentRepository::mapVersion).optional();
    }

    /** The version, locked until the transaction ends so that two deployments of it run one after the other. */
    Optional<VersionToDeploy> lockVersion(UUID assetId, int version) {
        return jdbc.sql(VERSION + " for update of v").param("assetId", assetId).param("version", version)
                .query(DeploymentRepository::mapVersion).optional();
    }

    Optional<PendingDeployment> findPending(UUID assetId, int version) {
        return jdbc.sql("select * from deployment_requests where asset_id = :assetId and version = :version")
                .param("assetId", assetId).param("version", version)
                .query(DeploymentRepository::mapPending).optional();
    }

    /** Requests whose client went away: older than {@code before}, oldest first. */
    List<PendingDeployment> findPendingBefore(Instant before, int limit) {
        return jdbc.sql("select * from deployment_requests where requested_at < :before order by requested_at limit :limit")
                .param("before", Timestamp.from(before)).param("limit", limit)
                .query(DeploymentRepository::mapPending).list();
    }

    void insertPending(PendingDeployment pending) {
        jdbc.sql("""
                        insert into deployment_requests (asset_id, version, idempotency_key, ledger_key, payload, proof,
                                                         requested_by, requested_at)
                        values (:assetId, :version, :idempotencyKey, :ledgerKey, :payload, :proof, :requestedBy, :requestedAt)""")
                .param("assetId", pending.assetId())
                .param("version", pending.version())
                .param("idempotencyKey", pending.idempotencyKey())
                .param("ledgerKey", pending.ledgerKey())
                .param("payload", pending.payload())
                .param("proof", pending.proof())
                .param("requestedBy", pending.requestedBy())
                .param("requestedAt", Timestamp.from(pending.requestedAt()))
                .update();
    }

    /** Forgets a request the ledger refused (only that one: a newer request of the same version stays). */
    void deletePending(String ledgerKey) {
        jdbc.sql("delete from deployment_requests where ledger_key = :ledgerKey").param("ledgerKey", ledgerKey).update();
    }

    /**
     * Records the ledger's block on the draft and forgets the request. A version that is no longer a draft was
     * recorded by another attempt with the same block (they all resend one request), so it is left as it is.
     */
    void markDeployed(PendingDeployment pending, long blockHeight, String blockHash, Instant deployedAt) {
        jdbc.sql("""
                        update asset_versions
                           set status = 'DEPLOYED', deployment_block_height = :height, deployment_block_hash = :hash,
                               deployed_at = :deployedAt, deployment_idempotency_key = :idempotencyKey,
                               revision = revision + 1, updated_at = :deployedAt
                         where asset_id = :assetId and version = :version and status = 'DRAFT'""")
                .param("height", blockHeight)
                .param("hash", blockHash)
                .param("deployedAt", Timestamp.from(deployedAt))
                .param("idempotencyKey", pending.idempotencyKey())
                .param("assetId", pending.assetId())
                .param("version", pending.version())
                .update();
        deletePending(pending.ledgerKey());
    }

    private static VersionToDeploy mapVersion(ResultSet row, int rowNumber) throws SQLException {
        Timestamp deployedAt = row.getTimestamp("deployed_at");
        return new VersionToDeploy(
                row.getObject("asset_id", UUID.class),
                row.getInt("version"),
                row.getString("owner"),
                row.getString("status"),
                row.getString("code_digest"),
                row.getString("runtime"),
                row.getString("entrypoint"),
                row.getInt("cpu_cores"),
                row.getInt("memory_mb"),
                row.getInt("storage_mb"),
                row.getString("gpu_model"),
                row.getObject("gpu_memory_mb", Integer.class),
                row.getBoolean("network"),
                row.getInt("max_runtime_seconds"),
                row.getString("privacy"),
                texts(row.getArray("allowed_zones")),
                row.getObject("deployment_block_height", Long.class),
                row.getString("deployment_block_hash"),
                deployedAt == null ? null : deployedAt.toInstant(),
                row.getString("deployment_idempotency_key"));
    }

    private static PendingDeployment mapPending(ResultSet row, int rowNumber) throws SQLException {
        return new PendingDeployment(
                row.getObject("asset_id", UUID.class),
                row.getInt("version"),
                row.getString("idempotency_key"),
                row.getString("ledger_key"),
                row.getString("payload"),
                row.getString("proof"),
                row.getString("requested_by"),
                row.getTimestamp("requested_at").toInstant());
    }

    private static List<String> texts(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
