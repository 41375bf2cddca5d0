package io.hypermesh.payment.stake;

import io.hypermesh.payment.account.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StakeRepository {

    private final JdbcClient jdbc;

    StakeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Money pendingUnlocks(String identity) {
        return Money.ofMicro(jdbc.sql("""
                        select coalesce(sum(amount), 0) from stake_unlocks where identity = :identity and status = 'pending'""")
                .param("identity", identity).query(Long.class).single());
    }

    StakeUnlock insertUnlock(StakeUnlock unlock) {
        long id = jdbc.sql("""
                        insert into stake_unlocks (identity, amount, requested_at, available_at, status)
                        values (:identity, :amount, :requestedAt, :availableAt, 'pending') returning id""")
                .param("identity", unlock.identity())
                .param("amount", unlock.amount().micro())
                .param("requestedAt", Timestamp.from(unlock.requestedAt()))
                .param("availableAt", Timestamp.from(unlock.availableAt()))
                .query(Long.class).single();
        return new StakeUnlock(id, unlock.identity(), unlock.amount(), unlock.requestedAt(), unlock.availableAt(),
                unlock.status(), null, null);
    }

    List<Long> dueUnlockIds(Instant now, int limit) {
        return jdbc.sql("""
                        select id from stake_unlocks where status = 'pending' and available_at <= :now
                        order by available_at, id limit :limit""")
                .param("now", Timestamp.from(now)).param("limit", limit).query(Long.class).list();
    }

    /** Locks a pending unlock; empty when it is released already or another releaser holds it right now. */
    Optional<StakeUnlock> lockPendingUnlock(long id) {
        return jdbc.sql("select * from stake_unlocks where id = :id and status = 'pending' for update skip locked")
                .param("id", id).query(StakeRepository::mapUnlock).optional();
    }

    void markReleased(long id, Money released, Long entryId, Instant at) {
        jdbc.sql("""
                        update stake_unlocks set status = 'released', released_amount = :released, entry_id = :entryId,
                               released_at = :at
                        where id = :id and status = 'pending'""")
                .param("id", id).param("released", released.micro()).param("entryId", entryId)
                .param("at", Timestamp.from(at)).update();
    }

    Slash insertSlash(String identity, Money amount, String reason, String slashedBy, long entryId, Instant at) {
        long id = jdbc.sql("""
                        insert into slashes (identity, amount, reason, slashed_by, entry_id, created_at)
                        values (:identity, :amount, :reason, :slashedBy, :entryId, :createdAt) returning id""")
                .param("identity", identity).param("amount", amount.micro()).param("reason", reason)
                .param("slashedBy", slashedBy).param("entryId", entryId).param("createdAt", Timestamp.from(at))
                .query(Long.class).single();
        return new Slash(id, identity, amount, reason, slashedBy, entryId, at);
    }

    Optional<Slash> findSlash(String identity, long id) {
        return jdbc.sql("select * from slashes where identity = :identity and id = :id")
                .param("identity", identity).param("id", id).query(StakeRepository::mapSlash).optional();
    }

    List<Slash> slashes(String identity, int limit) {
        return jdbc.sql("select * from slashes where identity = :identity order by id desc limit :limit")
                .param("identity", identity).param("limit", limit).query(StakeRepository::mapSlash).list();
    }

    private static StakeUnlock mapUnlock(ResultSet row, int n) throws SQLException {
        long released = row.getLong("released_amount");
        boolean releasedNull = row.wasNull();
        Timestamp releasedAt = row.getTimestamp("released_at");
        return new StakeUnlock(row.getLong("id"), row.getString("identity"), Money.ofMicro(row.getLong("amount")),
                row.getTimestamp("requested_at").toInstant(), row.getTimestamp("available_at").toInstant(),
                row.getString("status"), releasedNull ? null : Money.ofMicro(released),
                releasedAt == null ? null : releasedAt.toInstant());
    }

    private static Slash mapSlash(ResultSet row, int n) throws SQLException {
        return new Slash(row.getLong("id"), row.getString("identity"), Money.ofMicro(row.getLong("amount")),
                row.getString("reason"), row.getString("slashed_by"), row.getLong("entry_id"),
                row.getTimestamp("created_at").toInstant());
    }
}
