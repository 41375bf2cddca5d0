package io.hypermesh.registry.asset;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deploying goes through the ledger (package deployment); tests of versions that only need a deployed
 * version write the block reference the way the deployment does: the version row, then the projection.
 */
final class TestDeployments {

    private TestDeployments() {
    }

    static void markDeployed(JdbcClient jdbc, String id, int version) {
        jdbc.sql("""
                        update asset_versions set status = 'DEPLOYED', deployment_block_height = 42,
                               deployment_block_hash = repeat('ab', 32), deployed_at = now(), revision = revision + 1
                         where asset_id = :id and version = :version and status = 'DRAFT'""")
                .param("id", UUID.fromString(id)).param("version", version).update();
        jdbc.sql(AssetRepository.REFRESH_PROJECTION).param("id", UUID.fromString(id)).update();
    }
}
