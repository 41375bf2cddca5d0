package io.hypermesh.execution.executions;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The code of deployed asset versions, kept once per version: a deployed version never changes. */
@Repository
public class AssetCode {

    private final JdbcClient jdbc;

    AssetCode(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void keep(String assetId, int version, String code, String codeDigest) {
        jdbc.sql("""
                insert into asset_code (asset_id, asset_version, code, code_digest) values (?, ?, ?, ?)
                on conflict (asset_id, asset_version) do nothing""")
                .params(assetId, version, code, codeDigest).update();
    }

    public Optional<String> of(String assetId, int version) {
        return jdbc.sql("select code from asset_code where asset_id = ? and asset_version = ?").params(assetId, version)
                .query(String.class).optional();
    }
}
