package io.hypermesh.ledger.block;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.ledger.LedgerServiceTest;
import io.hypermesh.ledger.config.LedgerProperties;
import io.hypermesh.protocol.BlockHeader;
import io.hypermesh.protocol.CanonicalJson;
import io.hypermesh.protocol.Digests;
import io.hypermesh.protocol.Ed25519;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class BlockReadApiTest extends LedgerServiceTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    BlockRepository repository;
    @Autowired
    LedgerProperties properties;

    @Test
    void shouldHaveExactlyOneGenesisBlockWhoseHashFollowsTheSpec() {
        JsonNode genesis = http.get("/api/v1/ledger/blocks/0").send().json();

        assertThat(genesis.path("type").asString()).isEqualTo("GENESIS");
        assertThat(genesis.path("previousHash").asString()).isEqualTo(BlockHeader.ZERO_HASH);
        assertThat(genesis.path("proof").isNull()).isTrue();
        assertThat(genesis.path("author").asString()).isEqualTo("genesis");
        String payload = CanonicalJson.canonicalString(genesis.path("payload"));
        assertThat(Digests.sha256Hex(payload.getBytes(StandardCharsets.UTF_8))).isEqualTo(genesis.path("payloadDigest").asString());
        BlockHeader header = new BlockHeader(0, BlockHeader.ZERO_HASH, "GENESIS", genesis.path("payloadDigest").asString(),
                BlockHeader.ZERO_HASH, "genesis", Instant.parse(genesis.path("timestamp").asString()));
        assertThat(header.hash()).isEqualTo(genesis.path("hash").asString());
        assertThat(jdbc.sql("select count(*) from blocks where type = 'GENESIS'").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void shouldNotCreateASecondGenesisWhenAnotherInstanceStartsLater() {
        String before = http.get("/api/v1/ledger/blocks/0").send().json().path("hash").asString();

        // A second instance starting up runs the same initializer against the same database, at a later time.
        new GenesisBlock(repository, properties, Clock.offset(Clock.systemUTC(), java.time.Duration.ofHours(1))).afterPropertiesSet();

        assertThat(jdbc.sql("select count(*) from blocks where type = 'GENESIS'").query(Integer.class).single()).isEqualTo(1);
        assertThat(http.get("/api/v1/ledger/blocks/0").send().json().path("hash").asString()).isEqualTo(before);
    }

    @Test
    void shouldServeTheHeadByHeightAndByHash() {
        JsonNode appended = appendDeployment(Ed25519.generate());

        JsonNode head = head();
        assertThat(head.path("height").asLong()).isGreaterThanOrEqualTo(appended.path("height").asLong());
        JsonNode byHeight = http.get("/api/v1/ledger/blocks/" + appended.path("height").asLong()).send().json();
        JsonNode byHash = http.get("/api/v1/ledger/blocks/by-hash/" + appended.path("hash").asString()).send().json();
        assertThat(byHeight).isEqualTo(appended);
        assertThat(byHash).isEqualTo(appended);
    }

    @Test
    void shouldAnswerAnUnknownHeightOrHashWithNotFound() {
        assertProblem(http.get("/api/v1/ledger/blocks/999999999").send(), 404, "block-not-found");
        assertProblem(http.get("/api/v1/ledger/blocks/by-hash/" + "ab".repeat(32)).send(), 404, "block-not-found");
    }

    @Test
    void shouldNameAHeightThatIsNotANumberInsteadOfAnsweringNotFound() {
        for (String path : new String[] {"/api/v1/ledger/blocks/abc", "/api/v1/ledger/blocks/-1/inclusion-proof"}) {
            Response response = http.get(path).send();
            assertProblem(response, 400, "validation");
            assertThat(response.json().path("errors").findValuesAsString("field")).as(path).containsExactly("height");
        }
        assertThat(http.get("/api/v1/ledger/blocks/head").send().status()).isEqualTo(200);
    }

    @Test
    void shouldListBlocksOfOneAuthorPageByPage() {
        Ed25519.Signer author = Ed25519.generate();
        List<Long> heights = List.of(appendDeployment(author), appendDeployment(author), appendDeployment(author)).stream()
                .map(block -> block.path("height").asLong()).toList();
        String query = "/api/v1/ledger/blocks?type=DEPLOYMENT&author=" + author.identity().value() + "&limit=2";

        Response first = http.get(query).send();
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("blocks").findValuesAsString("author")).containsOnly(author.identity().value());
        assertThat(first.json().path("blocks").size()).isEqualTo(2);
        long cursor = first.json().path("nextAfterHeight").asLong();
        assertThat(cursor).isEqualTo(heights.get(1));

        Response second = http.get(query + "&afterHeight=" + cursor).send();
        assertThat(second.json().path("blocks").size()).isEqualTo(1);
        assertThat(second.json().path("blocks").get(0).path("height").asLong()).isEqualTo(heights.get(2));
        assertThat(second.json().path("nextAfterHeight").isNull()).isTrue();
    }

    @Test
    void shouldNameEveryInvalidListParameter() {
        Response response = http.get("/api/v1/ledger/blocks?type=not-a-type&limit=0&afterHeight=-5").send();

        assertProblem(response, 400, "validation");
        assertThat(response.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("type", "limit", "afterHeight");
    }

    @Test
    void shouldVerifyTheWholeChainAndARange() {
        appendDeployment(Ed25519.generate());
        long head = head().path("height").asLong();

        JsonNode whole = http.get("/api/v1/ledger/verify").send().json();
        assertThat(whole.path("valid").asBoolean()).as(whole.toString()).isTrue();
        assertThat(whole.path("from").asLong()).isZero();
        assertThat(whole.path("to").asLong()).isGreaterThanOrEqualTo(head);
        assertThat(whole.path("firstBadHeight").isNull()).isTrue();

        JsonNode range = http.get("/api/v1/ledger/verify?from=" + head + "&to=" + head).send().json();
        assertThat(range.path("valid").asBoolean()).isTrue();
        assertThat(range.path("checkedBlocks").asLong()).isEqualTo(1);
        assertThat(range.path("lastHash").asString()).isEqualTo(http.get("/api/v1/ledger/blocks/" + head).send().json().path("hash").asString());
    }

    @Test
    void shouldRefuseAnInvertedVerificationRange() {
        assertProblem(http.get("/api/v1/ledger/verify?from=5&to=2").send(), 400, "invalid-range");
        assertProblem(http.get("/api/v1/ledger/verify?from=-1").send(), 400, "validation");
    }
}
