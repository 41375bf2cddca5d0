package io.hypermesh.payment.pricing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class QuoteRepository {

    private final JdbcClient jdbc;

    QuoteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Quote quote) {
        jdbc.sql("""
                        insert into quotes (id, requested_by, rate_card_version, cpu_cores, memory_mb, storage_mb, gpus, network_mb,
                                            duration_seconds, privacy, redundancy, cpu_amount, memory_amount, storage_amount,
                                            gpu_amount, network_amount, per_replica, privacy_percent, total, created_at, expires_at)
                        values (:id, :requestedBy, :version, :cpuCores, :memoryMb, :storageMb, :gpus, :networkMb,
                                :duration, :privacy, :redundancy, :cpu, :memory, :storage, :gpu, :network, :perReplica,
                                :percent, :total, :createdAt, :expiresAt)""")
                .param("id", quote.id())
                .param("requestedBy", quote.requestedBy())
                .param("version", quote.rateCardVersion())
                .param("cpuCores", quote.resources().cpuCores())
                .param("memoryMb", quote.resources().memoryMb())
                .param("storageMb", quote.resources().storageMb())
                .param("gpus", quote.resources().gpus())
                .param("networkMb", quote.resources().networkMb())
                .param("duration", quote.durationSeconds())
                .param("privacy", quote.privacy().name())
                .param("redundancy", quote.redundancy())
                .param("cpu", quote.price().cpu())
                .param("memory", quote.price().memory())
                .param("storage", quote.price().storage())
                .param("gpu", quote.price().gpu())
                .param("network", quote.price().network())
                .param("perReplica", quote.price().perReplica())
                .param("percent", quote.price().privacyPercent())
                .param("total", quote.price().total())
                .param("createdAt", Timestamp.from(quote.createdAt()))
                .param("expiresAt", Timestamp.from(quote.expiresAt()))
                .update();
    }

    Optional<Quote> find(UUID id) {
        return jdbc.sql("select * from quotes where id = :id").param("id", id).query(QuoteRepository::map).optional();
    }

    private static Quote map(ResultSet row, int n) throws SQLException {
        return new Quote(row.getObject("id", UUID.class), row.getString("requested_by"), row.getInt("rate_card_version"),
                new Requirements(row.getInt("cpu_cores"), row.getLong("memory_mb"), row.getLong("storage_mb"), row.getInt("gpus"),
                        row.getLong("network_mb")),
                row.getLong("duration_seconds"), PrivacyLevel.valueOf(row.getString("privacy")), row.getInt("redundancy"),
                new Price(row.getLong("cpu_amount"), row.getLong("memory_amount"), row.getLong("storage_amount"),
                        row.getLong("gpu_amount"), row.getLong("network_amount"), row.getLong("per_replica"),
                        row.getInt("privacy_percent"), row.getLong("total")),
                row.getTimestamp("created_at").toInstant(), row.getTimestamp("expires_at").toInstant());
    }
}
