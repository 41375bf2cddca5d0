package io.hypermesh.gateway.auth;

import io.hypermesh.protocol.Identity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code sign_in_challenges}. Times come from the database clock so that replicas agree. */
@Repository
class SignInChallengeRepository {

    private final JdbcClient jdbc;

    SignInChallengeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new challenge and returns it; the expiry is whole seconds because the signed text carries epoch seconds. */
    StoredChallenge insert(UUID id, Identity identity, String publicKey, String audience, String nonce, Duration lifetime) {
        return jdbc.sql("""
                        insert into sign_in_challenges (id, identity, public_key, audience, nonce, expires_at)
                        values (:id, :identity, :publicKey, :audience, :nonce,
                                date_trunc('second', now()) + :seconds * interval '1 second')
                        returning id, identity, public_key, audience, nonce, expires_at, used_at, false as expired""")
                .param("id", id)
                .param("identity", identity.value())
                .param("publicKey", publicKey)
                .param("audience", audience)
                .param("nonce", nonce)
                .param("seconds", lifetime.toSeconds())
                .query(SignInChallengeRepository::map)
                .single();
    }

    Optional<StoredChallenge> findById(UUID id) {
        return jdbc.sql("""
                        select id, identity, public_key, audience, nonce, expires_at, used_at,
                               expires_at <= now() as expired
                          from sign_in_challenges
                         where id = :id""")
                .param("id", id)
                .query(SignInChallengeRepository::map)
                .optional();
    }

    /**
     * Marks the challenge used if it is still unused and unexpired, in one statement: of two
     * concurrent answers (on any replicas) exactly one gets {@code true}.
     */
    boolean consume(UUID id) {
        return jdbc.sql("""
                        update sign_in_challenges
                           set used_at = now()
                         where id = :id and used_at is null and expires_at > now()""")
                .param("id", id)
                .update() == 1;
    }

    /** Deletes challenges that expired more than {@code keep} ago; returns how many. */
    int deleteExpiredLongerThan(Duration keep) {
        return jdbc.sql("delete from sign_in_challenges where expires_at < now() - :seconds * interval '1 second'")
                .param("seconds", keep.toSeconds())
                .update();
    }

    private static StoredChallenge map(ResultSet rs, int row) throws SQLException {
        return new StoredChallenge(
                rs.getObject("id", UUID.class),
                Identity.parse(rs.getString("identity")),
                rs.getString("public_key"),
                rs.getString("audience"),
                rs.getString("nonce"),
                instant(rs, "expires_at"),
                instant(rs, "used_at"),
                rs.getBoolean("expired"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
