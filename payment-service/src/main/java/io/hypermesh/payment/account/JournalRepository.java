package io.hypermesh.payment.account;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JournalRepository {

    private final JdbcClient jdbc;

    JournalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertEntry(JournalEntry entry) {
        return jdbc.sql("""
                        insert into journal_entries (kind, memo, created_by, created_at)
                        values (:kind, :memo, :createdBy, :createdAt) returning id""")
                .param("kind", entry.kind().sql())
                .param("memo", entry.memo())
                .param("createdBy", entry.createdBy())
                .param("createdAt", Timestamp.from(entry.createdAt()))
                .query(Long.class).single();
    }

    void insertPosting(long entryId, Account account, long amount) {
        jdbc.sql("""
                        insert into postings (entry_id, account_id, amount, balance_after)
                        values (:entryId, :accountId, :amount, :balanceAfter)""")
                .param("entryId", entryId)
                .param("accountId", account.id())
                .param("amount", amount)
                .param("balanceAfter", account.balance().micro())
                .update();
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
