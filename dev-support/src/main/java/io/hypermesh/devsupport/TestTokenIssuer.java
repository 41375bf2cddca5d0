package io.hypermesh.devsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A JWT issuer for tests: it publishes its RSA public key as a JWKS document over real HTTP on
 * loopback, so a service under test validates tokens exactly as in production.
 */
public final class TestTokenIssuer {

    public static final String AUDIENCE = "hypermesh";

    private static TestTokenIssuer shared;

    private final RSAKey key;
    private final RSAKey strangerKey;
    private final HttpServer server;

    private TestTokenIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            strangerKey = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(jwks);
            }
        });
        server.start();
    }

    public static synchronized TestTokenIssuer shared() {
        if (shared == null) {
            shared = new TestTokenIssuer();
        }
        return shared;
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String jwkSetUri() {
        return issuer() + "/.well-known/jwks.json";
    }

    /** A valid token for {@code subject} with the given roles ({@code client}, {@code host}, {@code operator}). */
    public String token(String subject, String... roles) {
        return sign(key, subject, List.of(roles), Instant.now().plus(Duration.ofMinutes(5)));
    }

    public String expiredToken(String subject, String... roles) {
        return sign(key, subject, List.of(roles), Instant.now().minus(Duration.ofMinutes(5)));
    }

    /** Signed by a key the JWKS does not hold, under the same key id. */
    public String forgedToken(String subject, String... roles) {
        return sign(strangerKey, subject, List.of(roles), Instant.now().plus(Duration.ofMinutes(5)));
    }

    /** Validly signed, but without {@code exp}: good forever if a service accepted it. */
    public String tokenWithoutExpiry(String subject, String... roles) {
        return sign(key, subject, List.of(roles), Instant.now().minus(Duration.ofMinutes(1)), null);
    }

    /** Validly signed and not expired, but issued to live {@code lifetime} in all. */
    public String longLivedToken(Duration lifetime, String subject, String... roles) {
        Instant issuedAt = Instant.now().minus(Duration.ofMinutes(1));
        return sign(key, subject, List.of(roles), issuedAt, issuedAt.plus(lifetime));
    }

    private String sign(RSAKey signingKey, String subject, List<String> roles, Instant expiresAt) {
        return sign(signingKey, subject, roles, expiresAt.minus(Duration.ofMinutes(10)), expiresAt);
    }

    private String sign(RSAKey signingKey, String subject, List<String> roles, Instant issuedAt, Instant expiresAt) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .audience(AUDIENCE)
                .subject(subject)
                .claim("roles", roles)
                .issueTime(Date.from(issuedAt))
                .expirationTime(expiresAt == null ? null : Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
