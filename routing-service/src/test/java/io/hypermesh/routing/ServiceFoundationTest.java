package io.hypermesh.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.ServiceContract;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ServiceFoundationTest extends RoutingServiceTest {

    @Autowired
    DataSource dataSource;

    private ServiceContract contract() {
        return new ServiceContract(http, "routing", "HyperMesh routing service", "/api/v1/routing/zones", "operator");
    }

    @Test
    void shouldApplyEveryMigrationToItsOwnSchemaAsItsOwnRole() throws SQLException {
        contract().assertMigrationsAppliedByItsOwnRole(dataSource);
    }

    @Test
    void shouldServeTheOpenApiDocumentWithBearerSchemeAndProblemSchema() {
        var paths = contract().assertOpenApiServed().path("paths");
        assertThat(paths.has("/api/v1/routing/zones")).isTrue();
        assertThat(paths.has("/api/v1/routing/selections")).isTrue();
    }

    @Test
    void shouldReportLivenessReadinessAndMetrics() {
        contract().assertProbesAndMetrics();
    }

    @Test
    void shouldRefuseAWriteWithoutTokenAsProblem() {
        contract().assertWriteWithoutTokenRefused(Map.of("name", "nowhere"));
    }

    @Test
    void shouldRefuseExpiredAndForgedTokens() {
        contract().assertExpiredAndForgedTokensRefused(TOKENS);
    }

    @Test
    void shouldAnswerUnknownPathsWrongMethodsAndMediaTypesAsProblems() {
        contract().assertSpringRefusalsAreProblems(TOKENS, "/api/v1/routing/no-such-thing");
    }

    @Test
    void shouldRefuseTokensWithoutExpiryOrWithTooLongALifetime() {
        contract().assertTokensWithoutExpiryOrTooLongLifetimeRefused(TOKENS);
    }

    @Test
    void shouldApplyTheSharedInputGuards() {
        contract().assertInputGuards(TOKENS, 1024 * 1024);
    }
}
