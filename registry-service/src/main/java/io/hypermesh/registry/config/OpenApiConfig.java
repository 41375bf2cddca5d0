package io.hypermesh.registry.config;

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
@OpenAPIDefinition(info = @Info(title = "HyperMesh registry service", version = "v1",
        description = "Compute assets: code, runtime, resource requirements and privacy level, in immutable versions; "
                + "drafts edited with If-Match, new versions, retire, search with cursor pagination, dependencies at exact "
                + "versions, networks for PRIVATE_NETWORK, usage statistics. An asset you may not see answers 404. "
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
