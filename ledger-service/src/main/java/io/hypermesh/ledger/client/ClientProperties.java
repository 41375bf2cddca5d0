package io.hypermesh.ledger.client;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the ledger asks for what it cannot know itself: stakes (payment-service) and zones
 * (routing-service). A blank URL leaves that lookup unwired (see {@link StakeClient}, {@link ZoneClient}).
 */
@Validated
@ConfigurationProperties("hypermesh.ledger.clients")
public record ClientProperties(
        String paymentUrl,
        String routingUrl,
        @DefaultValue("1s") @NotNull Duration connectTimeout,
        @DefaultValue("2s") @NotNull Duration readTimeout,
        @DefaultValue("10s") @NotNull Duration stakeCacheTtl,
        @DefaultValue("60s") @NotNull Duration zoneCacheTtl) {
}
