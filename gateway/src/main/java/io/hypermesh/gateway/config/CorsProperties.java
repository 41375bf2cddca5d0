package io.hypermesh.gateway.config;

import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Browser origins allowed to call the API; patterns such as {@code http://localhost:*} are accepted. */
@Validated
@ConfigurationProperties("hypermesh.gateway.cors")
public record CorsProperties(
        @NotEmpty @DefaultValue({"http://localhost:*", "http://127.0.0.1:*"}) List<String> allowedOrigins) {
}
