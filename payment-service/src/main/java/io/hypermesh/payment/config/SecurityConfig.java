package io.hypermesh.payment.config;

import io.hypermesh.payment.web.ExecutionServiceRole;
import io.hypermesh.service.web.ProblemSecurityHandlers;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A stateless JWT resource server: tokens come from the gateway's sign-in (or any configured OIDC
 * issuer); the {@code roles} claim becomes {@code ROLE_client}, {@code ROLE_host}, {@code ROLE_operator}, {@code ROLE_service},
 * and a service token whose subject is a configured execution-service identity also gets
 * {@code ROLE_execution-service} (holds, settlements, releases, slashes).
 * The supply figure and stake amounts are public (ledger-service reads stakes for proof of stake);
 * everything else needs a token, and each operation checks its role and whose money it touches.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemSecurityHandlers problems, PaymentProperties properties)
            throws Exception {
        // Stateless bearer-token API: no session, so no logout and no saved request to return to after a log-in.
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                                "/v3/api-docs", "/v3/api-docs/**", "/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/payments/supply", "/api/v1/payments/stakes/*",
                                "/api/v1/payments/stakes/*/slashes", "/api/v1/payments/stakes/*/slashes/*",
                                "/api/v1/payments/rate-cards/*").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(new AuthorizationHeaderBearerTokenResolver())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesConverter(properties)))
                        .authenticationEntryPoint(problems.entryPoint())
                        .accessDeniedHandler(problems.accessDeniedHandler()))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems.entryPoint())
                        .accessDeniedHandler(problems.accessDeniedHandler()));
        return http.build();
    }

    /**
     * No Spring Security observations at all: not only none recorded (what
     * {@code management.observations.enable.spring.security=false} did) but no observation wrapper around each
     * security filter, authentication and authorisation decision either — those wrappers alone were about 5 %
     * of a transfer's CPU (measured). The HTTP server observation still times and traces every request.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Wraps the decoder Spring Boot configures (JWKS, issuer, audience) so verified tokens are not re-verified. */
    @Bean
    static BeanPostProcessor verifiedTokenCache(ObjectProvider<Clock> clock) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokenCache)
                        ? new VerifiedTokenCache(decoder, clock.getObject()) : bean;
            }
        };
    }

    static JwtAuthenticationConverter rolesConverter(PaymentProperties properties) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new ExecutionServiceRole(properties.executionServiceIdentities()));
        return converter;
    }
}
