package io.hypermesh.payment.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<String> existingCodes(Collection<String> codes) {
        return jdbc.sql("select code from accounts where code in (:codes)").param("codes", codes).query(String.class).list();
    }

    /** Opens the account unless it exists; a concurrent opener waits on the unique code, so both see one row. */
    void openIfAbsent(AccountRef ref, Instant now) {
        jdbc.sql("""
                        insert into accounts (code, kind, owner, balance, created_at)
                        values (:code, :kind, :owner, 0, :createdAt)
                        on conflict (code) do nothing""")
                .param("code", ref.code())
                .param("kind", ref.kind().sql())
                .param("owner", ref.owner())
                .param("createdAt", Timestamp.from(now))
                .update();
    }

    /** Locks the accounts in id order: every writer takes its locks in the same order, so none deadlock. */
    List<Account> lockInIdOrder(Collection<String> codes) {
        return jdbc.sql("select * from accounts where code in (:codes) order by id for update")
                .param("codes", codes).query(AccountRepository::map).list();
    }

    Optional<Account> findByCode(String code) {
        return jdbc.sql("select * from accounts where code = :code").param("code", code).query(AccountRepository::map).optional();
    }

    /** Minted supply and the sum of every holding balance, read in one statement so from one snapshot. */
    Supply supply() {
        return jdbc.sql("""
                        select (select balance from accounts where kind = 'issuance') as minted,
                               (select coalesce(sum(balance), 0) from accounts where kind <> 'issuance') as held,
                               (select count(*) from accounts where kind <> 'issuance') as accounts""")
                .query((row, n) -> new Supply(row.getLong("minted"), row.getBigDecimal("held").longValueExact(),
                        row.getLong("accounts")))
                .single();
    }

    private static Account map(ResultSet row, int rowNumber) throws SQLException {
        return new Account(row.getString("code"), Money.ofMicro(row.getLong("balance")));
    }
}
