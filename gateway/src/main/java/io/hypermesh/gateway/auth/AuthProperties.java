package io.hypermesh.gateway.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Sign-in and token settings. The issuer is what services put in {@code issuer-uri}; it is also the
 * audience line of every sign-in challenge, so a signature made for one deployment is useless at another.
 */
@Validated
@ConfigurationProperties("hypermesh.auth")
public record AuthProperties(
        @NotBlank @DefaultValue("http://localhost:8080") String issuer,
        @NotBlank @DefaultValue("hypermesh") String audience,
        @NotNull @DefaultValue("15m") Duration tokenTtl,
        @NotNull @DefaultValue("120s") Duration challengeTtl,
        @DefaultValue({}) List<@Pattern(regexp = "hm1[a-z2-7]{32}", message = "must be a HyperMesh identity") String> operators,
        @DefaultValue({}) List<@Pattern(regexp = "hm1[a-z2-7]{32}", message = "must be a HyperMesh identity") String> services) {

    public AuthProperties {
        if (issuer != null && issuer.endsWith("/")) {
            // Services compare the iss claim as a string; one trailing slash would fail every token there.
            throw new IllegalArgumentException("hypermesh.auth.issuer must not end with '/'");
        }
        if (tokenTtl != null && tokenTtl.toSeconds() < 1) {
            throw new IllegalArgumentException("hypermesh.auth.token-ttl must be at least one second");
        }
        if (challengeTtl != null && challengeTtl.toSeconds() < 1) {
            throw new IllegalArgumentException("hypermesh.auth.challenge-ttl must be at least one second");
        }
        operators = trimmed(operators);
        services = trimmed(services);
    }

    private static List<String> trimmed(List<String> identities) {
        return identities == null ? List.of() : identities.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Whether {@code identity} may ask for {@code role}: client and host anyone, operator and service only if listed. */
    boolean mayHold(Role role, String identity) {
        return switch (role) {
            case CLIENT, HOST -> true;
            case OPERATOR -> operators.contains(identity);
            case SERVICE -> services.contains(identity);
        };
    }

}
