package io.hypermesh.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.ServiceContract;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ServiceFoundationTest extends LedgerServiceTest {

    @Autowired
    DataSource dataSource;

    private ServiceContract contract() {
        return new ServiceContract(http, "ledger", "HyperMesh ledger service", "/api/v1/ledger/blocks", "service");
    }

    @Test
    void shouldApplyEveryMigrationToItsOwnSchemaAsItsOwnRole() throws SQLException {
        contract().assertMigrationsAppliedByItsOwnRole(dataSource);
    }

    @Test
    void shouldServeTheOpenApiDocumentWithBearerSchemeAndProblemSchema() {
        var paths = contract().assertOpenApiServed().path("paths");
        assertThat(paths.has("/api/v1/ledger/blocks")).isTrue();
        assertThat(paths.has("/api/v1/ledger/blocks/head")).isTrue();
        assertThat(paths.has("/api/v1/ledger/verify")).isTrue();
        assertThat(paths.path("/api/v1/ledger/blocks").path("post").path("security").toString()).contains("bearer");
    }

    @Test
    void shouldReportLivenessReadinessAndMetrics() {
        contract().assertProbesAndMetrics();
    }

    @Test
    void shouldRefuseAWriteWithoutTokenAsProblem() {
        contract().assertWriteWithoutTokenRefused(Map.of("type", "DEPLOYMENT"));
    }

    @Test
    void shouldRefuseExpiredAndForgedTokens() {
        contract().assertExpiredAndForgedTokensRefused(TOKENS);
    }

    @Test
    void shouldAnswerUnknownPathsWrongMethodsAndMediaTypesAsProblems() {
        contract().assertSpringRefusalsAreProblems(TOKENS, "/api/v1/ledger/no-such-thing");
    }

    @Test
    void shouldLetAnyoneReadWithoutAToken() {
        assertThat(http.get("/api/v1/ledger/blocks/head").send().status()).isEqualTo(200);
        assertThat(http.get("/api/v1/ledger/blocks/0").send().status()).isEqualTo(200);
        assertThat(http.get("/api/v1/ledger/blocks").send().status()).isEqualTo(200);
        assertThat(http.get("/api/v1/ledger/verify?from=0&to=0").send().status()).isEqualTo(200);
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
