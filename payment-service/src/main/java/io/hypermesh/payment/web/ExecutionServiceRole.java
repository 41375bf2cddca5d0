package io.hypermesh.payment.web;

import io.hypermesh.protocol.Identity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * Turns a token's {@code roles} claim into {@code ROLE_<role>} authorities and adds
 * {@code ROLE_execution-service} when the token has role {@code service} and its subject is one of the
 * configured execution-service identities ({@code hypermesh.payment.execution-service-identities}).
 * Only execution-service may hold, settle and release escrow; a token naming the role itself gets nothing.
 */
public final class ExecutionServiceRole implements Converter<Jwt, Collection<GrantedAuthority>> {

    public static final String AUTHORITY = "ROLE_execution-service";

    private final JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
    private final Set<String> identities;

    /** @throws IllegalArgumentException when a configured identity is not an identity */
    public ExecutionServiceRole(List<String> identities) {
        this.identities = identities.stream().map(String::strip).filter(identity -> !identity.isEmpty())
                .map(identity -> Identity.parse(identity).value()).collect(Collectors.toUnmodifiableSet());
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
    }

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        List<GrantedAuthority> granted = new ArrayList<>();
        boolean service = false;
        for (GrantedAuthority authority : roles.convert(jwt)) {
            if (AUTHORITY.equals(authority.getAuthority())) {
                continue; // derived from configuration only, never taken from a token
            }
            service |= "ROLE_service".equals(authority.getAuthority());
            granted.add(authority);
        }
        if (service && identities.contains(jwt.getSubject())) {
            granted.add(new SimpleGrantedAuthority(AUTHORITY));
        }
        return granted;
    }
}
