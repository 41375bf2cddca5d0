package io.hypermesh.payment.idempotency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class IdempotencyRepository {

    /** Namespaces our advisory locks away from any other user of the same database. */
    private static final int LOCK_NAMESPACE = 0x50415931;

    private final JdbcClient jdbc;

    IdempotencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the key for the current transaction without waiting: false when another transaction is
     * working on it right now. The claim ends with the transaction, after its reply row is visible.
     */
    boolean tryClaim(String caller, String key) {
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(:namespace, hashtext(:caller || ' ' || :key))")
                .param("namespace", LOCK_NAMESPACE).param("caller", caller).param("key", key)
                .query(Boolean.class).single());
    }

    Optional<StoredReply> find(String caller, String key) {
        return jdbc.sql("select * from idempotency_keys where caller = :caller and key = :key")
                .param("caller", caller).param("key", key)
                .query((row, n) -> new StoredReply(row.getString("caller"), row.getString("key"), row.getString("operation"),
                        row.getString("fingerprint"), row.getInt("status"), row.getString("location"), row.getString("body"),
                        row.getTimestamp("created_at").toInstant()))
                .optional();
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
