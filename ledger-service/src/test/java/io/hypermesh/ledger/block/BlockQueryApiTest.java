package io.hypermesh.ledger.block;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.ledger.LedgerServiceTest;
import io.hypermesh.protocol.Ed25519;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Blocks by what they are about (asset, execution, host) and by when they were appended. */
class BlockQueryApiTest extends LedgerServiceTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldListEveryBlockAboutOneAssetPageByPage() {
        String asset = "a-" + UUID.randomUUID();
        String execution = "e-" + UUID.randomUUID();
        Ed25519.Signer author = Ed25519.generate();
        long deployed = appendAbout(author, "DEPLOYMENT", Map.of("assetId", asset, "version", "1.0.0"));
        appendAbout(author, "DEPLOYMENT", Map.of("assetId", "a-" + UUID.randomUUID(), "version", "1.0.0"));
        long executed = appendAbout(author, "EXECUTION", Map.of("assetId", asset, "executionId", execution));
        long completed = appendAbout(author, "COMPLETION", Map.of("executionId", execution, "hostId", "h-" + UUID.randomUUID()));

        Response first = http.get("/api/v1/ledger/blocks?subject=" + asset + "&limit=1").send();
        assertThat(first.status()).isEqualTo(200);
        assertThat(heights(first)).containsExactly(deployed);
        Response second = http.get("/api/v1/ledger/blocks?subject=" + asset + "&limit=1&afterHeight="
                + first.json().path("nextAfterHeight").asLong()).send();
        assertThat(heights(second)).containsExactly(executed);
        assertThat(second.json().path("nextAfterHeight").isNull()).isTrue();

        assertThat(heights(http.get("/api/v1/ledger/blocks?subject=" + execution).send())).containsExactly(executed, completed);
        assertThat(heights(http.get("/api/v1/ledger/blocks?subject=" + execution + "&type=COMPLETION").send())).containsExactly(completed);
    }

    @Test
    void shouldFindAHostByItsIdButNotByANestedOrNonStringValue() {
        String host = "h-" + UUID.randomUUID();
        String nested = "h-" + UUID.randomUUID();
        Ed25519.Signer author = Ed25519.generate();
        long joined = appendAbout(author, "HOST_JOINED", Map.of("hostId", host, "zone", "eu-west"));
        appendAbout(author, "DEPLOYMENT", Map.of("assetId", 4242, "placement", Map.of("hostId", nested)));

        assertThat(heights(http.get("/api/v1/ledger/blocks?subject=" + host).send())).containsExactly(joined);
        assertThat(heights(http.get("/api/v1/ledger/blocks?subject=" + nested).send())).isEmpty();
        assertThat(heights(http.get("/api/v1/ledger/blocks?subject=4242&author=" + author.identity().value()).send())).isEmpty();
    }

    @Test
    void shouldListTheBlocksAppendedFromAnInstantUpToButExcludingAnother() {
        Ed25519.Signer author = Ed25519.generate();
        List<JsonNode> appended = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            appended.add(appendDeployment(author));
        }
        Instant from = Instant.parse(appended.get(1).path("timestamp").asString());
        Instant to = Instant.parse(appended.get(3).path("timestamp").asString());
        List<Long> expected = appended.stream()
                .filter(block -> !Instant.parse(block.path("timestamp").asString()).isBefore(from)
                        && Instant.parse(block.path("timestamp").asString()).isBefore(to))
                .map(block -> block.path("height").asLong()).toList();

        Response response = http.get("/api/v1/ledger/blocks?author=" + author.identity().value() + "&from=" + from + "&to=" + to).send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(heights(response)).isEqualTo(expected).contains(appended.get(1).path("height").asLong())
                .doesNotContain(appended.get(3).path("height").asLong());
        assertThat(heights(http.get("/api/v1/ledger/blocks?author=" + author.identity().value() + "&from=" + to).send()))
                .contains(appended.get(3).path("height").asLong()).doesNotContain(appended.get(0).path("height").asLong());
    }

    @Test
    void shouldNameAnInvalidTimeOrSubjectParameter() {
        Response notAnInstant = http.get("/api/v1/ledger/blocks?from=yesterday").send();
        assertProblem(notAnInstant, 400, "validation");
        assertThat(notAnInstant.json().path("errors").findValuesAsString("field")).containsExactly("from");
        assertThat(notAnInstant.json().path("errors").get(0).path("message").asString()).contains("ISO-8601");

        Response emptySubject = http.get("/api/v1/ledger/blocks?subject=").send();
        assertProblem(emptySubject, 400, "validation");
        assertThat(emptySubject.json().path("errors").findValuesAsString("field")).containsExactly("subject");

        for (String filter : new String[] {"author", "subject"}) {
            Response nul = http.get("/api/v1/ledger/blocks?" + filter + "=a%00b").send();
            assertProblem(nul, 400, "validation");
            assertThat(nul.json().path("errors").findValuesAsString("field")).containsExactly(filter);
        }

        Response inverted = http.get("/api/v1/ledger/blocks?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z").send();
        assertProblem(inverted, 400, "invalid-range");
        assertThat(inverted.json().path("detail").asString()).contains("'from'");
    }

    @Test
    void shouldNameTheHeightWhoseStoredSubjectsNoLongerMatchItsPayload() {
        long height = appendAbout(Ed25519.generate(), "DEPLOYMENT", Map.of("assetId", "a-" + UUID.randomUUID()));

        jdbc.sql("alter table blocks disable trigger blocks_append_only").update();
        try {
            jdbc.sql("update blocks set subjects = '{}' where height = :h").param("h", height).update();
            JsonNode report = http.get("/api/v1/ledger/verify?from=" + height).send().json();
            assertThat(report.path("firstBadHeight").asLong()).as(report.toString()).isEqualTo(height);
            assertThat(report.path("reason").asString()).contains("subjects");
        } finally {
            jdbc.sql("update blocks set subjects = array(select jsonb_extract_path_text(payload::jsonb, 'assetId')) where height = :h")
                    .param("h", height).update();
            jdbc.sql("alter table blocks enable trigger blocks_append_only").update();
        }
        assertThat(http.get("/api/v1/ledger/verify?from=" + height).send().json().path("valid").asBoolean()).isTrue();
    }

    private long appendAbout(Ed25519.Signer author, String type, Map<String, Object> about) {
        Map<String, Object> payload = new LinkedHashMap<>(about);
        payload.put("nonce", UUID.randomUUID().toString());
        Response response = append(appendBody(type, payload, proof(author, type, payload, DIFFICULTY)), UUID.randomUUID().toString());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("height").asLong();
    }

    private static List<Long> heights(Response response) {
        List<Long> heights = new ArrayList<>();
        response.json().path("blocks").forEach(block -> heights.add(block.path("height").asLong()));
        return heights;
    }
}
