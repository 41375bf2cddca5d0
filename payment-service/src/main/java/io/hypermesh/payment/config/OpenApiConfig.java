package io.hypermesh.payment.config;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@OpenAPIDefinition(info = @Info(title = "HyperMesh payment service", version = "v1",
        description = "CAES accounts in integer micro-CAES, a double-entry journal, minting, transfers, stakes, quotes and escrow. "
                + "Every mutating POST takes an Idempotency-Key header. "
                + "Errors are RFC 9457 Problem Details (application/problem+json)."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A token from POST /api/v1/auth/tokens at the gateway (see the README: sign in with your key).")
class OpenApiConfig {

    @Bean
    OpenApiCustomizer problemDetailSchema() {
        return openApi -> openApi.getComponents().addSchemas("ProblemDetail", new ObjectSchema()
                .description("RFC 9457 Problem Details; validation failures add 'errors': [{field, message}]")
                .addProperty("type", new StringSchema().example("https://hypermesh.io/problems/validation"))
                .addProperty("title", new StringSchema().example("Validation failed"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema()));
    }
}
