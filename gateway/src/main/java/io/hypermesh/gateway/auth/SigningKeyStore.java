package io.hypermesh.gateway.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;

/**
 * The RSA key that signs access tokens. It lives in the gateway's schema so that every replica and
 * every restart signs with the same key and publishes the same JWKS: services cache the JWKS, and a
 * key that changed on each start would make them reject valid tokens until their cache expires.
 *
 * <p>The first replica to start generates a key and tries to insert it; a partial unique index lets
 * only one active key exist, so concurrent first starts all end up reading the winner's key.
 */
@Component
@DependsOnDatabaseInitialization
public class SigningKeyStore {

    static final String ALGORITHM = "RS256";
    private static final int KEY_BITS = 2048;
    private static final Logger log = LoggerFactory.getLogger(SigningKeyStore.class);

    private final RSAKey key;

    SigningKeyStore(SigningKeyRepository repository) {
        SigningKeyRepository.StoredKey stored = repository.findActive(ALGORITHM).orElseGet(() -> {
            SigningKeyRepository.StoredKey fresh = generate();
            repository.insertIfAbsent(ALGORITHM, fresh);
            return repository.findActive(ALGORITHM)
                    .orElseThrow(() -> new IllegalStateException("no active signing key after inserting one"));
        });
        this.key = toJwk(stored);
        log.info("Signing access tokens with key {}", key.getKeyID());
    }

    /** The key pair with its key id, for signing. */
    public RSAKey signingKey() {
        return key;
    }

    /** The public half as a JWK, for the JWKS document. */
    public RSAKey publicJwk() {
        return key.toPublicJWK();
    }

    public RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String keyId() {
        return key.getKeyID();
    }

    private static SigningKeyRepository.StoredKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            KeyPair pair = generator.generateKeyPair();
            // The RFC 7638 thumbprint as key id: stable, and derived from the key alone.
            String kid = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).build().computeThumbprint().toString();
            return new SigningKeyRepository.StoredKey(kid, pair.getPrivate().getEncoded(), pair.getPublic().getEncoded());
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("could not generate an RSA signing key", e);
        }
    }

    private static RSAKey toJwk(SigningKeyRepository.StoredKey stored) {
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(stored.publicKeyX509()));
            RSAPrivateKey privateKey = (RSAPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(stored.privateKeyPkcs8()));
            return new RSAKey.Builder(publicKey)
                    .privateKey(privateKey)
                    .keyID(stored.kid())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stored signing key " + stored.kid() + " cannot be read", e);
        }
    }
}
