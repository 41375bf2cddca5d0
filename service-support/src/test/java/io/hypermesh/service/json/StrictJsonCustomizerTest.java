package io.hypermesh.service.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hypermesh.service.web.BodyProblems;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StrictJsonCustomizerTest {

    record Transfer(long amount, Integer count, String memo, Boolean urgent) {
    }

    record Box(Point min, List<Point> corners) {
    }

    record Point(double x, Double y) {
    }

    record Operation(String type, JsonNode payload, Map<String, Object> extra) {
    }

    private final JsonMapper json = strictMapper();

    private static JsonMapper strictMapper() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new StrictJsonCustomizer().customize(builder);
        return builder.build();
    }

    @Test
    void shouldReadValuesAsWritten() {
        Transfer transfer = json.readValue("{\"amount\": 5, \"count\": 2, \"memo\": \"rent\", \"urgent\": true}", Transfer.class);
        assertThat(transfer).isEqualTo(new Transfer(5, 2, "rent", true));
        assertThat(json.readValue("{\"min\": {\"x\": 1, \"y\": 2.5}, \"corners\": []}", Box.class).min())
                .isEqualTo(new Point(1.0, 2.5));
    }

    @Test
    void shouldRefuseFractionsStringsAndBooleansForIntegers() {
        assertRefused("{\"amount\": 1.5}", Transfer.class, "amount", "an integer");
        assertRefused("{\"amount\": 2.0}", Transfer.class, "amount", "an integer");
        assertRefused("{\"amount\": \"5\"}", Transfer.class, "amount", "an integer");
        assertRefused("{\"amount\": true}", Transfer.class, "amount", "an integer");
        assertRefused("{\"count\": 1e2}", Transfer.class, "count", "an integer");
        assertRefused("{\"amount\": 1, \"count\": 3000000000}", Transfer.class, "count", "within its range");
        assertRefused("{\"amount\": 99999999999999999999}", Transfer.class, "amount", "within its range");
        assertRefused("{\"amount\": null}", Transfer.class, "amount", "an integer");
    }

    @Test
    void shouldRefuseCoercedBooleansAndStrings() {
        assertRefused("{\"amount\": 1, \"urgent\": 1}", Transfer.class, "urgent", "true or false");
        assertRefused("{\"amount\": 1, \"urgent\": \"true\"}", Transfer.class, "urgent", "true or false");
        assertRefused("{\"amount\": 1, \"memo\": 5}", Transfer.class, "memo", "a JSON string");
    }

    @Test
    void shouldRefuseNonFiniteAndQuotedNumbers() {
        assertRefused("{\"min\": {\"x\": 1e400, \"y\": 0}}", Box.class, "min.x", ValueRules.NON_FINITE);
        assertRefused("{\"min\": {\"x\": 0, \"y\": -1e400}}", Box.class, "min.y", ValueRules.NON_FINITE);
        assertRefused("{\"corners\": [{\"x\": 0, \"y\": 0}, {\"x\": \"3\", \"y\": 0}]}", Box.class, "corners[1].x", "a finite JSON number");
        assertRefused("{\"type\": \"a\", \"payload\": {\"deep\": [1, 1e999]}}", Operation.class, "payload.deep[1]", ValueRules.NON_FINITE);
    }

    @Test
    void shouldRefuseNulEverywhere() {
        assertRefused("{\"amount\": 1, \"memo\": \"a\\u0000b\"}", Transfer.class, "memo", ValueRules.NUL);
        assertRefused("{\"type\": \"a\", \"payload\": {\"k\": [\"x\\u0000\"]}}", Operation.class, "payload.k[0]", ValueRules.NUL);
        assertRefused("{\"type\": \"a\", \"payload\": {\"k\\u0000\": 1}}", Operation.class, "payload.k\\u0000", ValueRules.NUL);
        assertRefused("{\"type\": \"a\", \"extra\": {\"k\": \"\\u0000\"}}", Operation.class, "extra.k", ValueRules.NUL);
    }

    @Test
    void shouldRefuseDuplicateNamesInRecordsAndFreeFormPayloads() {
        assertRefused("{\"amount\": 1, \"amount\": 1000000}", Transfer.class, "amount", "more than once");
        assertRefused("{\"type\": \"a\", \"payload\": {\"dup\": \"first\", \"dup\": \"second\"}}", Operation.class,
                "payload.dup", "more than once");
    }

    private void assertRefused(String body, Class<?> type, String field, String message) {
        assertThatThrownBy(() -> json.readValue(body, type))
                .isInstanceOf(JacksonException.class)
                .satisfies(failure -> {
                    Map<String, String> error = BodyProblems.fieldError(
                            new HttpMessageNotReadableException("unreadable", failure, null)).orElseThrow();
                    assertThat(error.get("field")).as(body).isEqualTo(field);
                    assertThat(error.get("message")).as(body).contains(message);
                });
    }
}
