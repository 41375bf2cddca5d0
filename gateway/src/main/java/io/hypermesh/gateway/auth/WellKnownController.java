package io.hypermesh.gateway.auth;

import com.nimbusds.jose.jwk.JWKSet;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where services and tools find the token-signing key: the JWKS and a minimal discovery document. */
@RestController
@RequestMapping("/.well-known")
@Tag(name = "Keys", description = "Public key material services use to validate tokens")
class WellKnownController {

    /** Short enough that a rotated key reaches services soon, long enough to spare the gateway. */
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final Map<String, Object> jwks;
    private final Map<String, Object> discovery;

    WellKnownController(SigningKeyStore keys, AuthProperties properties) {
        this.jwks = new JWKSet(keys.publicJwk()).toJSONObject(true);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", properties.issuer());
        document.put("jwks_uri", properties.issuer() + "/.well-known/jwks.json");
        document.put("token_endpoint", properties.issuer() + "/api/v1/auth/tokens");
        document.put("response_types_supported", List.of("token"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("claims_supported", List.of("iss", "sub", "aud", "exp", "iat", "jti", "roles"));
        this.discovery = Collections.unmodifiableMap(document);
    }

    @GetMapping(path = "/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The public keys that verify access tokens (JWK Set, RFC 7517)")
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CACHE).body(jwks);
    }

    @GetMapping(path = "/openid-configuration", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Issuer metadata, so a service configured with only the issuer URI finds the JWKS")
    ResponseEntity<Map<String, Object>> openidConfiguration() {
        return ResponseEntity.ok().cacheControl(CACHE).body(discovery);
    }
}
