package io.hypermesh.payment.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hypermesh.payment.PaymentServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The invariants checked in the database itself, after real movements through the API. */
class JournalIntegrityTest extends PaymentServiceTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void shouldRecordOnlyEntriesWhosePostingsSumToZero() {
        String alice = fundedIdentity(5 * CAES);
        transfer(alice, freshIdentity(), 2 * CAES);

        Long unbalanced = jdbc.sql("""
                select count(*) from (select entry_id from postings group by entry_id having sum(amount) <> 0) as bad""")
                .query(Long.class).single();
        Long lonely = jdbc.sql("""
                select count(*) from journal_entries e where (select count(*) from postings p where p.entry_id = e.id) < 2""")
                .query(Long.class).single();

        assertThat(jdbc.sql("select count(*) from postings").query(Long.class).single()).isGreaterThanOrEqualTo(4);
        assertThat(unbalanced).isZero();
        assertThat(lonely).isZero();
    }

    @Test
    void shouldKeepEveryBalanceEqualToItsPostingsAndNeverNegative() {
        String alice = fundedIdentity(5 * CAES);
        transfer(alice, freshIdentity(), CAES);

        Long mismatched = jdbc.sql("""
                select count(*) from accounts a
                where a.balance <> (case when a.kind = 'issuance' then -1 else 1 end)
                                   * coalesce((select sum(p.amount) from postings p where p.account_id = a.id), 0)""")
                .query(Long.class).single();
        Long negative = jdbc.sql("select count(*) from accounts where balance < 0").query(Long.class).single();

        assertThat(mismatched).isZero();
        assertThat(negative).isZero();
    }

    @Test
    void shouldRefuseToCommitAnUnbalancedEntryWrittenPastTheApplication() {
        String alice = fundedIdentity(CAES);
        Long accountId = jdbc.sql("select id from accounts where code = :code").param("code", alice).query(Long.class).single();
        Long entriesBefore = jdbc.sql("select count(*) from journal_entries").query(Long.class).single();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            Long entryId = jdbc.sql("""
                    insert into journal_entries (kind, created_by, created_at) values ('mint', 'test', now()) returning id""")
                    .query(Long.class).single();
            jdbc.sql("insert into postings (entry_id, account_id, amount, balance_after) values (:entry, :account, 1, 1)")
                    .param("entry", entryId).param("account", accountId).update();
        })).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("does not balance");

        assertThat(jdbc.sql("select count(*) from journal_entries").query(Long.class).single()).isEqualTo(entriesBefore);
    }

    @Test
    void shouldRefuseToRewriteTheJournal() {
        fundedIdentity(CAES);

        assertThatThrownBy(() -> jdbc.sql("update postings set amount = amount * 2").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from journal_entries").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
    }

    @Test
    void shouldRefuseANegativeBalanceEvenWrittenPastTheApplication() {
        String alice = fundedIdentity(CAES);

        assertThatThrownBy(() -> jdbc.sql("update accounts set balance = -1 where code = :code").param("code", alice).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("accounts_balance_non_negative");
    }
}
