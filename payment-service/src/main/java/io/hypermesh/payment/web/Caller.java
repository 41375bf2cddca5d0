package io.hypermesh.payment.web;

import java.util.List;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling: the token's subject (an identity) and whether its roles include operator or service
 * (another HyperMesh service acting with its own identity).
 */
public record Caller(String identity, boolean operator, boolean service) {

    public static Caller of(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        return new Caller(jwt.getSubject(), roles != null && roles.contains("operator"),
                roles != null && roles.contains("service"));
    }

    /** May this caller see the money of {@code owner}? Only the owner and operators may. */
    public boolean maySee(String owner) {
        return operator || identity.equals(owner);
    }
}
