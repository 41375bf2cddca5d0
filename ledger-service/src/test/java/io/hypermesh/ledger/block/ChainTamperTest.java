package io.hypermesh.ledger.block;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.ledger.LedgerServiceTest;
import io.hypermesh.protocol.Ed25519;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Someone with write access to the database changes one character of one stored column; verification must
 * name that block's height. The append-only trigger has to be disabled first, as such an attacker would.
 */
class ChainTamperTest extends LedgerServiceTest {

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest(name = "a flipped character in {0}")
    @ValueSource(strings = {"payload", "payload_digest", "proof", "proof_digest", "binding_digest", "author", "type", "hash"})
    void shouldNameTheHeightOfTheBlockWhoseColumnWasAltered(String column) {
        Ed25519.Signer author = Ed25519.generate();
        JsonNode lower = appendDeployment(author);
        JsonNode upper = appendDeployment(author);
        // A stored hash is pinned by the parent link constraint once a child refers to it, so it is altered on the
        // head block; every other column on the block below it.
        long height = column.equals("hash") ? upper.path("height").asLong() : lower.path("height").asLong();
        String original = jdbc.sql("select " + column + " from blocks where height = :h").param("h", height).query(String.class).single();
        String altered = flipOneCharacter(original);

        tamper(column, height, altered);
        try {
            JsonNode report = http.get("/api/v1/ledger/verify").send().json();
            JsonNode ranged = http.get("/api/v1/ledger/verify?from=" + height + "&to=" + upper.path("height").asLong()).send().json();

            assertThat(report.path("valid").asBoolean()).isFalse();
            assertThat(report.path("firstBadHeight").asLong()).as(report.toString()).isEqualTo(height);
            assertThat(ranged.path("firstBadHeight").asLong()).as(ranged.toString()).isEqualTo(height);
        } finally {
            tamper(column, height, original);
        }
        assertThat(http.get("/api/v1/ledger/verify").send().json().path("valid").asBoolean()).isTrue();
    }

    @org.junit.jupiter.api.Test
    void shouldNameTheHeightOfABlockWhoseTimestampWasMoved() {
        JsonNode block = appendDeployment(Ed25519.generate());
        long height = block.path("height").asLong();

        jdbc.sql("alter table blocks disable trigger blocks_append_only").update();
        try {
            jdbc.sql("update blocks set created_at = created_at + interval '1 millisecond' where height = :h").param("h", height).update();
            JsonNode report = http.get("/api/v1/ledger/verify?from=" + height).send().json();
            assertThat(report.path("firstBadHeight").asLong()).as(report.toString()).isEqualTo(height);
            assertThat(report.path("reason").asString()).contains("hash");
        } finally {
            jdbc.sql("update blocks set created_at = created_at - interval '1 millisecond' where height = :h").param("h", height).update();
            jdbc.sql("alter table blocks enable trigger blocks_append_only").update();
        }
    }

    @org.junit.jupiter.api.Test
    void shouldRefuseUpdatesAndDeletesWhileTheAppendOnlyTriggerIsOn() {
        long height = appendDeployment(Ed25519.generate()).path("height").asLong();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("update blocks set author = 'x' where height = :h")
                .param("h", height).update()).rootCause().hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("delete from blocks where height = :h")
                .param("h", height).update()).rootCause().hasMessageContaining("append-only");
    }

    @org.junit.jupiter.api.Test
    void shouldRefuseAPreviousHashThatDoesNotLinkEvenWithTheTriggerOff() {
        long height = appendDeployment(Ed25519.generate()).path("height").asLong();
        String previous = jdbc.sql("select previous_hash from blocks where height = :h").param("h", height).query(String.class).single();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tamper("previous_hash", height, flipOneCharacter(previous)))
                .rootCause().hasMessageContaining("blocks_previous_links_parent");
    }

    private void tamper(String column, long height, String value) {
        jdbc.sql("alter table blocks disable trigger blocks_append_only").update();
        try {
            jdbc.sql("update blocks set " + column + " = :value where height = :h").param("value", value).param("h", height).update();
        } finally {
            jdbc.sql("alter table blocks enable trigger blocks_append_only").update();
        }
    }

    /** Changes one character in the middle to a neighbour of the same kind, so format constraints still hold. */
    private static String flipOneCharacter(String value) {
        char[] chars = value.toCharArray();
        for (int i = chars.length / 2; i < chars.length; i++) {
            char c = chars[i];
            if (c >= '0' && c <= '8' || c >= 'a' && c <= 'e' || c >= 'A' && c <= 'Y') {
                chars[i] = (char) (c + 1);
                return new String(chars);
            }
        }
        throw new IllegalStateException("nothing to flip in " + value);
    }
}
