package io.hypermesh.payment.faucet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hypermesh.devsupport.ServiceDatabase;
import io.hypermesh.devsupport.TestPostgres;
import io.hypermesh.devsupport.TestTokenIssuer;
import io.hypermesh.payment.PaymentServiceApplication;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The faucet is refused in the production profile: the service does not start with it on. */
class FaucetProductionProfileTest {

    @Test
    void shouldRefuseToStartWithTheFaucetInTheProductionProfile() {
        assertThatThrownBy(() -> start("production", true).close())
                .rootCause().hasMessageContaining("must not be enabled in the production profile");
    }

    @Test
    void shouldStartInTheProductionProfileWithTheFaucetOff() {
        try (ConfigurableApplicationContext service = start("production", false)) {
            assertThat(service.isRunning()).isTrue();
            assertThat(service.getBeanNamesForType(FaucetController.class)).isEmpty();
        }
    }

    private static ConfigurableApplicationContext start(String profile, boolean faucet) {
        ServiceDatabase database = TestPostgres.forService("payment");
        TestTokenIssuer tokens = TestTokenIssuer.shared();
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.user(), "--spring.datasource.password=" + database.password(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + tokens.jwkSetUri(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + tokens.issuer(),
                "--hypermesh.payment.faucet.enabled=" + faucet, "--management.tracing.sampling.probability=0",
                "--spring.main.banner-mode=off"));
        SpringApplication application = new SpringApplication(PaymentServiceApplication.class);
        application.setAdditionalProfiles(profile);
        return application.run(arguments.toArray(String[]::new));
    }
}
