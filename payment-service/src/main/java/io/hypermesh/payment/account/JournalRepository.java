package io.hypermesh.payment.account;

import io.hypermesh.payment.idempotency.OneCall;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JournalRepository {

    private final JdbcClient jdbc;

    JournalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What {@link #post} did: the new entry's id, or the account that would have gone negative (nothing written). */
    record Posting(Long entryId, String shortAccount, Long available) {
    }

    /**
     * Posts the entry in one round trip through {@code post_entry} (migration V9): opens missing
     * accounts, locks them in id order, refuses an overdraft, updates balances, appends the entry and
     * its postings. {@code balanceChanges[i]} is what leg i does to its account's balance.
     */
    Posting post(JournalEntry entry, long[] balanceChanges) {
        Legs legs = Legs.of(entry);
        return jdbc.sql("select * from post_entry(?, ?, ?, ?, ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[])")
                .params(entry.kind().sql(), entry.memo(), entry.createdBy(), Timestamp.from(entry.createdAt()), legs.codes(),
                        legs.kinds(), legs.owners(), legs.amounts(), balanceChanges)
                .query((row, n) -> new Posting(row.getObject("entry_id", Long.class), row.getString("short_account"),
                        row.getObject("available", Long.class)))
                .single();
    }

    /** The reply to store: {@code status}, Location {@code locationBeforeId + id}, body {@code bodyBeforeId + id + bodyAfterId}. */
    record ReplyTemplate(int status, String locationBeforeId, String bodyBeforeId, String bodyAfterId) {
    }

    /** What {@link #postOnce} did: an outcome, or the account that would have gone negative (nothing written). */
    record Once(OneCall.Outcome outcome, String shortAccount, Long available) {
    }

    /** post_entry_once's refusal of an overdraft (migration V11): the account's code in DETAIL, its balance in HINT. */
    private static final String OVERDRAFT = "HM001";

    /**
     * Claims the key, answers with its stored reply or posts the entry and stores the reply — one
     * statement in its own transaction through {@code post_entry_once} (migration V11).
     */
    Once postOnce(JournalEntry entry, long[] balanceChanges, OneCall.Claim claim, ReplyTemplate reply) {
        Legs legs = Legs.of(entry);
        try {
            return jdbc.sql("select * from post_entry_once(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                            + "?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[])")
                    .params(claim.caller(), claim.key(), claim.operation(), claim.fingerprint(), reply.status(),
                            Timestamp.from(claim.storedAt()), reply.locationBeforeId(), reply.bodyBeforeId(),
                            reply.bodyAfterId(), entry.kind().sql(), entry.memo(), entry.createdBy(),
                            Timestamp.from(entry.createdAt()), legs.codes(), legs.kinds(), legs.owners(), legs.amounts(),
                            balanceChanges)
                    .query((row, n) -> new Once(outcome(row.getString("outcome"), row.getString("fingerprint"),
                            row.getInt("status"), row.getString("location"), row.getString("body")), null, null))
                    .single();
        } catch (DataAccessException failure) {
            ServerErrorMessage overdraft = overdraft(failure);
            if (overdraft == null) {
                throw failure;
            }
            return new Once(null, overdraft.getDetail(), Long.parseLong(overdraft.getHint()));
        }
    }

    private static OneCall.Outcome outcome(String outcome, String fingerprint, int status, String location, String body) {
        return switch (outcome) {
            case "posted" -> new OneCall.Outcome(OneCall.Outcome.Kind.DONE, fingerprint, status, location, body);
            case "stored" -> new OneCall.Outcome(OneCall.Outcome.Kind.STORED, fingerprint, status, location, body);
            case "in-flight" -> OneCall.Outcome.inFlight();
            default -> throw new IllegalStateException("post_entry_once answered " + outcome);
        };
    }

    private static ServerErrorMessage overdraft(DataAccessException failure) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException refused && OVERDRAFT.equals(refused.getSQLState())
                    && refused.getServerErrorMessage() != null) {
                return refused.getServerErrorMessage();
            }
        }
        return null;
    }

    /** The legs as post_entry's parallel arrays. */
    private record Legs(String[] codes, String[] kinds, String[] owners, long[] amounts) {

        static Legs of(JournalEntry entry) {
            List<JournalEntry.Leg> legs = entry.legs();
            Legs arrays = new Legs(new String[legs.size()], new String[legs.size()], new String[legs.size()],
                    new long[legs.size()]);
            for (int i = 0; i < legs.size(); i++) {
                AccountRef account = legs.get(i).account();
                arrays.codes[i] = account.code();
                arrays.kinds[i] = account.kind().sql();
                arrays.owners[i] = account.owner();
                arrays.amounts[i] = legs.get(i).amount();
            }
            return arrays;
        }
    }

    Optional<PostedEntry> findEntry(long id) {
        List<Map<String, Object>> rows = jdbc.sql("""
                        select e.id, e.kind, e.memo, e.created_by, e.created_at, a.code, p.amount
                        from journal_entries e
                        join postings p on p.entry_id = e.id
                        join accounts a on a.id = p.account_id
                        where e.id = :id
                        order by p.id""")
                .param("id", id).query().listOfRows();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> first = rows.get(0);
        List<PostedEntry.Posting> postings = rows.stream()
                .map(row -> new PostedEntry.Posting((String) row.get("code"), ((Number) row.get("amount")).longValue()))
                .toList();
        return Optional.of(new PostedEntry(id, EntryKind.fromSql((String) first.get("kind")), (String) first.get("memo"),
                (String) first.get("created_by"), ((Timestamp) first.get("created_at")).toInstant(), postings));
    }

    /** One page of an account's postings after the cursor (a posting id), oldest first. */
    List<StatementLine> statement(String accountCode, long after, int limit) {
        return jdbc.sql("""
                        select p.id as posting_id, p.entry_id, p.amount, p.balance_after, e.kind, e.memo, e.created_at,
                               (select a2.code from postings p2 join accounts a2 on a2.id = p2.account_id
                                 where p2.entry_id = p.entry_id and p2.id <> p.id order by p2.id limit 1) as counterparty
                        from postings p
                        join journal_entries e on e.id = p.entry_id
                        where p.account_id = (select id from accounts where code = :code) and p.id > :after
                        order by p.id
                        limit :limit""")
                .param("code", accountCode).param("after", after).param("limit", limit)
                .query((row, n) -> new StatementLine(row.getLong("posting_id"), row.getLong("entry_id"),
                        row.getString("kind"), row.getLong("amount"), row.getLong("balance_after"),
                        row.getString("counterparty"), row.getString("memo"), row.getTimestamp("created_at").toInstant()))
                .list();
    }
}
