package io.hypermesh.payment.pricing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RateCardRepository {

    /** Serialises rate-card versioning across replicas starting at once. */
    private static final int LOCK_NAMESPACE = 0x50415932;

    private final JdbcClient jdbc;

    RateCardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void lockVersioning() {
        jdbc.sql("select 1 from pg_advisory_xact_lock(:namespace, 1)").param("namespace", LOCK_NAMESPACE).query(Integer.class).single();
    }

    Optional<RateCard> latest() {
        return jdbc.sql("select * from rate_cards order by version desc limit 1").query(RateCardRepository::map).optional();
    }

    Optional<RateCard> find(int version) {
        return jdbc.sql("select * from rate_cards where version = :version").param("version", version)
                .query(RateCardRepository::map).optional();
    }

    void insert(RateCard card) {
        jdbc.sql("""
                        insert into rate_cards (version, cpu_core_second, memory_gb_second, storage_gb, gpu_second, network_gb,
                                                private_percent, private_network_percent, p2p_percent, public_network_percent,
                                                full_public_percent, created_at)
                        values (:version, :cpu, :memory, :storage, :gpu, :network, :private, :privateNetwork, :p2p,
                                :publicNetwork, :fullPublic, :createdAt)""")
                .param("version", card.version())
                .param("cpu", card.cpuCoreSecond())
                .param("memory", card.memoryGbSecond())
                .param("storage", card.storageGb())
                .param("gpu", card.gpuSecond())
                .param("network", card.networkGb())
                .param("private", RateCard.PRIVATE_PERCENT)
                .param("privateNetwork", card.privateNetworkPercent())
                .param("p2p", card.p2pPercent())
                .param("publicNetwork", card.publicNetworkPercent())
                .param("fullPublic", card.fullPublicPercent())
                .param("createdAt", Timestamp.from(card.createdAt()))
                .update();
    }

    private static RateCard map(ResultSet row, int n) throws SQLException {
        return new RateCard(row.getInt("version"), row.getLong("cpu_core_second"), row.getLong("memory_gb_second"),
                row.getLong("storage_gb"), row.getLong("gpu_second"), row.getLong("network_gb"),
                row.getInt("private_network_percent"), row.getInt("p2p_percent"), row.getInt("public_network_percent"),
                row.getInt("full_public_percent"), row.getTimestamp("created_at").toInstant());
    }
}
