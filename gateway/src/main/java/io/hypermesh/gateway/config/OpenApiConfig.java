package io.hypermesh.gateway.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway's own OpenAPI document; the services' documents are listed beside it in the Swagger UI. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String BEARER_SCHEME = "bearer-jwt";

    @Bean
    OpenAPI gatewayOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("HyperMesh Gateway")
                        .version("v1")
                        .description("""
                                The one public entry of HyperMesh Compute. Sign in with an Ed25519 key: \
                                POST /api/v1/auth/challenges with your public key, sign the returned `message` \
                                with your private key, then POST /api/v1/auth/tokens. Send the access token as \
                                `Authorization: Bearer <token>` to every service listed in the selector above. \
                                Errors are RFC 9457 Problem Details; every /api/v1 answer carries RateLimit-* \
                                headers and every answer an X-Trace-Id.""")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes(BEARER_SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("An access token from POST /api/v1/auth/tokens")));
    }
}
