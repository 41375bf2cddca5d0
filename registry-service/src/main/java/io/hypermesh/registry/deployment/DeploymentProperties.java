package io.hypermesh.registry.deployment;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where deployments go: ledger-service appends the DEPLOYMENT block; the registry calls it with its own token,
 * signed in at the gateway with the key in {@code serviceKeyFile}. With any of the three blank, deploying answers
 * 503 {@code deployment-unavailable} and everything else works.
 */
@Validated
@ConfigurationProperties("hypermesh.registry.deployment")
public record DeploymentProperties(
        String ledgerUrl,
        String gatewayUrl,
        String serviceKeyFile,
        @DefaultValue("1s") @NotNull Duration connectTimeout,
        // An append waits for its group's commit; a few seconds covers a busy ledger without hanging a client.
        @DefaultValue("5s") @NotNull Duration readTimeout,
        // Finishes deployments whose client went away between the ledger's answer and the registry's commit.
        @DefaultValue("30s") @NotNull Duration redriveAfter) {
}
