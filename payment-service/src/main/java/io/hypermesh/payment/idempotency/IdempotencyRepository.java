package io.hypermesh.payment.idempotency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class IdempotencyRepository {

    private final JdbcClient jdbc;

    IdempotencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A claim on (caller, key) and, read after it, the stored reply if the key was already used. */
    record Claim(boolean claimed, Optional<StoredReply> stored) {
    }

    /**
     * Claims the key for the current transaction without waiting, then reads its stored reply — one
     * round trip through {@code idempotency_claim} (migration V9). Not claimed and nothing stored: another
     * transaction is working on the key right now. The claim ends with the transaction, after its reply
     * row is visible.
     */
    Claim claim(String caller, String key) {
        return jdbc.sql("select * from idempotency_claim(?, ?)").params(caller, key)
                .query((row, n) -> new Claim(row.getBoolean("claimed"), row.getString("fingerprint") == null
                        ? Optional.empty()
                        : Optional.of(new StoredReply(caller, key, row.getString("operation"), row.getString("fingerprint"),
                                row.getInt("status"), row.getString("location"), row.getString("body"),
                                row.getTimestamp("created_at").toInstant()))))
                .single();
    }

    void insert(StoredReply reply) {
        jdbc.sql("""
                        insert into idempotency_keys (caller, key, operation, fingerprint, status, location, body, created_at)
                        values (:caller, :key, :operation, :fingerprint, :status, :location, :body, :createdAt)""")
                .param("caller", reply.caller())
                .param("key", reply.key())
                .param("operation", reply.operation())
                .param("fingerprint", reply.fingerprint())
                .param("status", reply.status())
                .param("location", reply.location())
                .param("body", reply.body())
                .param("createdAt", Timestamp.from(reply.createdAt()))
                .update();
    }

    int deleteCreatedBefore(Instant cutoff) {
        return jdbc.sql("delete from idempotency_keys where created_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff)).update();
    }
}
