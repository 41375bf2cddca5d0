package io.hypermesh.payment.faucet;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class FaucetRepository {

    private final JdbcClient jdbc;

    FaucetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Starts a new window for {@code identity} unless its last grant is later than {@code windowStart}: one
     * statement, so two concurrent claims (on any replica) cannot both win — the second waits for the
     * first's row lock and then sees its grant. True when this caller won; the row is part of the
     * caller's transaction, so a failed grant leaves the window untouched.
     */
    boolean claimWindow(String identity, Instant now, Instant windowStart) {
        return jdbc.sql("""
                        insert into faucet_windows (identity, granted_at)
                        values (:identity, :now)
                        on conflict (identity) do update set granted_at = excluded.granted_at, entry_id = null
                        where faucet_windows.granted_at <= :windowStart
                        returning identity""")
                .param("identity", identity).param("now", Timestamp.from(now)).param("windowStart", Timestamp.from(windowStart))
                .query(String.class).optional().isPresent();
    }

    /** Records which mint entry the window's grant was, in the claim's transaction. */
    void recordEntry(String identity, long entryId) {
        jdbc.sql("update faucet_windows set entry_id = :entryId where identity = :identity")
                .param("entryId", entryId).param("identity", identity).update();
    }

    Optional<Instant> lastGrant(String identity) {
        return jdbc.sql("select granted_at from faucet_windows where identity = :identity").param("identity", identity)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }
}
