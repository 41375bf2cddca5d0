package io.hypermesh.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonTest {

    @Test
    void shouldCanonicalizeTheRfc8785PrimitiveDataTypesExample() {
        // RFC 8785 section 3.2.2.
        String input = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }""";

        assertThat(CanonicalJson.canonicalString(input)).isEqualTo(
                "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                        + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    void shouldSortMembersByUtf16CodeUnitsAsInTheRfc8785SortingExample() {
        // RFC 8785 section 3.2.3.
        String input = """
                {
                  "\\u20ac": "Euro Sign",
                  "\\r": "Carriage Return",
                  "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                  "1": "One",
                  "\\ud83d\\ude00": "Emoji: Grinning Face",
                  "\\u0080": "Control",
                  "\\u00f6": "Latin Small Letter O With Diaeresis"
                }""";

        String canonical = CanonicalJson.canonicalString(input);

        assertThat(canonical).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"€\":\"Euro Sign\","
                + "\"\uD83D\uDE00\":\"Emoji: Grinning Face\",\"\uFB33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void shouldProduceTheRfc8785Utf8BytesOfTheFrenchExample() {
        // RFC 8785 appendix E: {"peach":"This sorting order","péché":"is wrong according to French","pêche":"but canonicalization MUST","sin":"ignore locale"}
        String input = "{\"peach\":\"This sorting order\",\"péché\":\"is wrong according to French\","
                + "\"pêche\":\"but canonicalization MUST\",\"sin\":\"ignore locale\"}";

        byte[] canonical = CanonicalJson.canonicalize(CanonicalJson.parse(input));

        assertThat(new String(canonical, StandardCharsets.UTF_8)).isEqualTo(input);
        assertThat(HexFormat.of().formatHex(canonical, 0, 11)).isEqualTo("7b227065616368223a2254");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // RFC 8785 appendix B: IEEE 754 bit patterns and their canonical text.
            "0000000000000000,0",
            "8000000000000000,0",
            "0000000000000001,5e-324",
            "8000000000000001,-5e-324",
            "7fefffffffffffff,1.7976931348623157e+308",
            "ffefffffffffffff,-1.7976931348623157e+308",
            "4340000000000000,9007199254740992",
            "c340000000000000,-9007199254740992",
            "4430000000000000,295147905179352830000",
            "44b52d02c7e14af5,9.999999999999997e+22",
            "44b52d02c7e14af6,1e+23",
            "44b52d02c7e14af7,1.0000000000000001e+23",
            "444b1ae4d6e2ef4e,999999999999999700000",
            "444b1ae4d6e2ef4f,999999999999999900000",
            "444b1ae4d6e2ef50,1e+21",
            "3eb0c6f7a0b5ed8c,9.999999999999997e-7",
            "3eb0c6f7a0b5ed8d,0.000001",
            "41b3de4355555553,333333333.3333332",
            "41b3de4355555554,333333333.33333325",
            "41b3de4355555555,333333333.3333333",
            "41b3de4355555556,333333333.3333334",
            "41b3de4355555557,333333333.33333343",
            "becbf647612f3696,-0.0000033333333333333333",
            "43143ff3c1cb0959,1424953923781206.2"
    })
    void shouldFormatNumbersAsEcmaScriptDoes(String bits, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));

        assertThat(CanonicalJson.formatNumber(value)).isEqualTo(expected);
    }

    @Test
    void shouldRefuseNonFiniteNumbers() {
        assertThatThrownBy(() -> CanonicalJson.formatNumber(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.formatNumber(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.canonicalString("[1e400]")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldWriteIntegersPlainlyAndRefuseThoseADoubleCannotHold() {
        assertThat(CanonicalJson.canonicalString("[0, -1, 9007199254740992, 4.0, -0.0, 1.5e3]"))
                .isEqualTo("[0,-1,9007199254740992,4,0,1500]");
        assertThatThrownBy(() -> CanonicalJson.canonicalString("[9007199254740993]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("as a string");
    }

    @Test
    void shouldRefuseDuplicateMemberNamesAndLoneSurrogates() {
        assertThatThrownBy(() -> CanonicalJson.parse("{\"a\":1,\"a\":2}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.canonicalString("[\"\\udead\"]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lone surrogate");
    }

    @Test
    void shouldEscapeOnlyWhatJsonRequires() {
        assertThat(CanonicalJson.canonicalString("[\"\\u0000\\u001f\\b\\t\\n\\f\\r\\u007f/\\u00e9\"]"))
                .isEqualTo("[\"\\u0000\\u001f\\b\\t\\n\\f\\r\u007f/é\"]");
    }

    @Test
    void shouldGiveTheSameBytesWhateverTheInputOrderAndSpacing() {
        String a = CanonicalJson.canonicalString("{\"b\": [1, 2.50, {\"y\": null, \"x\": true}], \"a\": \"s\"}");
        String b = CanonicalJson.canonicalString("{\"a\":\"s\",\"b\":[1,2.5,{\"x\":true,\"y\":null}]}");

        assertThat(a).isEqualTo(b).isEqualTo("{\"a\":\"s\",\"b\":[1,2.5,{\"x\":true,\"y\":null}]}");
    }
}
