package io.hypermesh.gateway.auth;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code signing_keys}: DER-encoded key halves, one active key per algorithm. */
@Repository
class SigningKeyRepository {

    record StoredKey(String kid, byte[] privateKeyPkcs8, byte[] publicKeyX509) {
    }

    private final JdbcClient jdbc;

    SigningKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the key unless an active key of the algorithm exists; the partial unique index makes it race-safe. */
    void insertIfAbsent(String algorithm, StoredKey key) {
        jdbc.sql("""
                        insert into signing_keys (kid, algorithm, private_key, public_key)
                        values (:kid, :algorithm, :privateKey, :publicKey)
                        on conflict do nothing""")
                .param("kid", key.kid())
                .param("algorithm", algorithm)
                .param("privateKey", key.privateKeyPkcs8())
                .param("publicKey", key.publicKeyX509())
                .update();
    }

    Optional<StoredKey> findActive(String algorithm) {
        return jdbc.sql("""
                        select kid, private_key, public_key
                          from signing_keys
                         where algorithm = :algorithm and retired_at is null""")
                .param("algorithm", algorithm)
                .query((rs, row) -> new StoredKey(rs.getString("kid"), rs.getBytes("private_key"), rs.getBytes("public_key")))
                .optional();
    }
}
