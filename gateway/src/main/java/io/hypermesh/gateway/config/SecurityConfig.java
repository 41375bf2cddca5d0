package io.hypermesh.gateway.config;

import io.hypermesh.gateway.auth.AuthProperties;
import io.hypermesh.gateway.auth.SigningKeyStore;
import io.hypermesh.gateway.ratelimit.RateLimitExceededException;
import io.hypermesh.gateway.ratelimit.RateLimitGate;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The gateway checks a bearer token when one is sent and refuses a bad one with 401 before anything
 * is forwarded; it authorizes nothing itself. A request without a token passes on, because the
 * services decide which of their operations are public.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, JwtDecoder jwtDecoder,
            ProblemDetailsSecurityHandler problems, UrlBasedCorsConfigurationSource cors) {
        http.csrf(AbstractHttpConfigurer::disable) // bearer tokens, no cookies: nothing for CSRF to ride on
                .cors(c -> c.configurationSource(cors))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(jwtDecoder))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * Validates with the gateway's own public key, in memory: no HTTP round trip to its own JWKS.
     * Issuer and audience are checked exactly as the services check them.
     */
    @Bean
    JwtDecoder jwtDecoder(SigningKeyStore keys, AuthProperties auth, OAuth2TokenValidator<Jwt> tokenLifetime) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(keys.publicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(
                new JwtIssuerValidator(auth.issuer()), new JwtAudienceValidator(auth.audience()), tokenLifetime));
        return decoder;
    }

    @Bean
    UrlBasedCorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(properties.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("*"));
        // Browsers hide response headers from scripts unless exposed; a UI needs these to back off and to report errors.
        cors.setExposedHeaders(List.of(RateLimitGate.LIMIT_HEADER, RateLimitGate.REMAINING_HEADER,
                RateLimitGate.RESET_HEADER, HttpHeaders.RETRY_AFTER, "X-Trace-Id", HttpHeaders.LOCATION,
                HttpHeaders.ETAG));
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    @Bean
    ProblemDetailsSecurityHandler problemDetailsSecurityHandler(
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver, RateLimitGate rateLimits) {
        return new ProblemDetailsSecurityHandler(resolver, rateLimits);
    }

    /**
     * Hands Spring Security's refusals to the MVC exception handler, so a 401 or 403 is the same
     * Problem Details document as every other error. A refused token on {@code /api/v1/**} is still
     * counted against the caller's address: sending garbage tokens must not bypass the rate limit.
     */
    static final class ProblemDetailsSecurityHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

        private final HandlerExceptionResolver resolver;
        private final RateLimitGate rateLimits;

        ProblemDetailsSecurityHandler(HandlerExceptionResolver resolver, RateLimitGate rateLimits) {
            this.resolver = resolver;
            this.rateLimits = rateLimits;
        }

        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) {
            Exception answer = ex;
            if (request.getRequestURI().startsWith("/api/v1/")) {
                try {
                    rateLimits.admit(request, response, null);
                } catch (RateLimitExceededException limited) {
                    answer = limited;
                }
            }
            resolver.resolveException(request, response, null, answer);
        }

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex) {
            resolver.resolveException(request, response, null, ex);
        }
    }
}
