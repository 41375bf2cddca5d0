package io.hypermesh.payment.escrow;

import io.hypermesh.payment.account.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class EscrowRepository {

    private final JdbcClient jdbc;

    EscrowRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean executionHeld(String executionId) {
        return jdbc.sql("select exists (select 1 from escrows where execution_id = :executionId)")
                .param("executionId", executionId).query(Boolean.class).single();
    }

    void insert(Escrow escrow) {
        jdbc.sql("""
                        insert into escrows (id, client, quote_id, execution_id, amount, status, held_by, hold_entry_id,
                                             created_at, expires_at)
                        values (:id, :client, :quoteId, :executionId, :amount, 'held', :heldBy, :holdEntryId, :createdAt, :expiresAt)""")
                .param("id", escrow.id())
                .param("client", escrow.client())
                .param("quoteId", escrow.quoteId())
                .param("executionId", escrow.executionId())
                .param("amount", escrow.amount().micro())
                .param("heldBy", escrow.heldBy())
                .param("holdEntryId", escrow.holdEntryId())
                .param("createdAt", Timestamp.from(escrow.createdAt()))
                .param("expiresAt", Timestamp.from(escrow.expiresAt()))
                .update();
    }

    /** Locks the escrow row until the transaction ends: the first step of every closing transition. */
    Optional<Escrow> lock(UUID id) {
        return jdbc.sql("select * from escrows where id = :id for update").param("id", id)
                .query(EscrowRepository::mapEscrow).optional();
    }

    /** Locks an overdue open hold; empty when it is closed already or another expirer holds it right now. */
    Optional<Escrow> lockOverdue(UUID id, Instant now) {
        return jdbc.sql("""
                        select * from escrows where id = :id and status = 'held' and expires_at <= :now
                        for update skip locked""")
                .param("id", id).param("now", Timestamp.from(now)).query(EscrowRepository::mapEscrow).optional();
    }

    List<UUID> overdueIds(Instant now, int limit) {
        return jdbc.sql("select id from escrows where status = 'held' and expires_at <= :now order by expires_at, id limit :limit")
                .param("now", Timestamp.from(now)).param("limit", limit).query(UUID.class).list();
    }

    /**
     * Closes an open hold. The {@code status = 'held'} condition is a second guard behind the row lock:
     * if the row had somehow been closed already, nothing changes and the caller's transaction fails.
     */
    void close(UUID id, EscrowStatus status, Closing closing) {
        int updated = jdbc.sql("""
                        update escrows set status = :status, closed_by = :closedBy, closing_entry_id = :entryId,
                               closed_at = :closedAt, paid_for_usage = :usage, paid_as_bonus = :bonus,
                               platform_fee = :fee, refunded = :refunded
                        where id = :id and status = 'held'""")
                .param("id", id)
                .param("status", status.sql())
                .param("closedBy", closing.closedBy())
                .param("entryId", closing.entryId())
                .param("closedAt", Timestamp.from(closing.closedAt()))
                .param("usage", closing.paidForUsage().micro())
                .param("bonus", closing.paidAsBonus().micro())
                .param("fee", closing.platformFee().micro())
                .param("refunded", closing.refunded().micro())
                .update();
        if (updated != 1) {
            throw new IllegalStateException("escrow " + id + " was closed concurrently");
        }
    }

    void insertPayouts(UUID id, List<Payout> payouts) {
        for (Payout payout : payouts) {
            jdbc.sql("insert into escrow_payouts (escrow_id, host, usage_amount, bonus_amount) values (:id, :host, :usage, :bonus)")
                    .param("id", id).param("host", payout.host()).param("usage", payout.usage().micro())
                    .param("bonus", payout.bonus().micro()).update();
        }
    }

    Optional<EscrowRecord> find(UUID id) {
        return jdbc.sql("select * from escrows where id = :id").param("id", id)
                .query((row, n) -> new EscrowRecord(mapEscrow(row, n), mapClosing(row), List.of()))
                .optional()
                .map(found -> new EscrowRecord(found.escrow(), found.closing(), payouts(id)));
    }

    private List<Payout> payouts(UUID id) {
        return jdbc.sql("select * from escrow_payouts where escrow_id = :id order by host").param("id", id)
                .query((row, n) -> new Payout(row.getString("host"), Money.ofMicro(row.getLong("usage_amount")),
                        Money.ofMicro(row.getLong("bonus_amount"))))
                .list();
    }

    private static Escrow mapEscrow(ResultSet row, int n) throws SQLException {
        return new Escrow(row.getObject("id", UUID.class), row.getString("client"), row.getObject("quote_id", UUID.class),
                row.getString("execution_id"), Money.ofMicro(row.getLong("amount")),
                EscrowStatus.fromSql(row.getString("status")), row.getString("held_by"), row.getLong("hold_entry_id"),
                row.getTimestamp("created_at").toInstant(), row.getTimestamp("expires_at").toInstant());
    }

    private static Closing mapClosing(ResultSet row) throws SQLException {
        Timestamp closedAt = row.getTimestamp("closed_at");
        if (closedAt == null) {
            return null;
        }
        return new Closing(row.getString("closed_by"), row.getLong("closing_entry_id"), closedAt.toInstant(),
                Money.ofMicro(row.getLong("paid_for_usage")), Money.ofMicro(row.getLong("paid_as_bonus")),
                Money.ofMicro(row.getLong("platform_fee")), Money.ofMicro(row.getLong("refunded")));
    }
}
