package io.hypermesh.gateway.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.hypermesh.protocol.Identity;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Mints RS256 access tokens in the one format every service validates: {@code iss}, {@code aud},
 * {@code sub} = identity, {@code roles} = list of role names, {@code iat}, {@code exp}, {@code jti},
 * and the key id in the header so services pick the right key from the JWKS.
 */
@Component
class TokenIssuer {

    record IssuedToken(String value, Instant expiresAt) {
    }

    private final JwtEncoder encoder;
    private final SigningKeyStore keys;
    private final AuthProperties properties;
    private final Clock clock;

    TokenIssuer(SigningKeyStore keys, AuthProperties properties) {
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(keys.signingKey())));
        this.keys = keys;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    IssuedToken issue(Identity identity, List<String> roles) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.tokenTtl());
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .audience(List.of(properties.audience()))
                .subject(identity.value())
                .claim("roles", roles)
                .issuedAt(now)
                .expiresAt(expiresAt)
                .id(UUID.randomUUID().toString())
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keys.keyId()).type("JWT").build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new IssuedToken(token, expiresAt);
    }
}
