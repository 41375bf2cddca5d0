package io.hypermesh.payment.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is calling: the token's subject (an identity), whether its roles include operator, and whether
 * it is execution-service — a token with role {@code service} whose subject is one of the configured
 * execution-service identities ({@link ExecutionServiceRole}). Another service's token is not.
 */
public record Caller(String identity, boolean operator, boolean executionService) {

    public static Caller of(Authentication authentication) {
        return new Caller(authentication.getName(), has(authentication, "ROLE_operator"),
                has(authentication, ExecutionServiceRole.AUTHORITY));
    }

    private static boolean has(Authentication authentication, String authority) {
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            if (authority.equals(granted.getAuthority())) {
                return true;
            }
        }
        return false;
    }

    /** May this caller see the money of {@code owner}? Only the owner and operators may. */
    public boolean maySee(String owner) {
        return operator || identity.equals(owner);
    }
}
