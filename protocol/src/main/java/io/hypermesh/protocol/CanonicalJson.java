package io.hypermesh.protocol;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS) over Jackson trees: object members sorted by the UTF-16
 * code units of their names, no insignificant whitespace, strings with the minimal escapes, numbers as
 * ECMAScript prints an IEEE 754 double. The canonical bytes are UTF-8.
 *
 * <p>Two deliberate restrictions keep every canonical form unambiguous (RFC 8785 section 3.2.2.3 and
 * I-JSON, RFC 7493): an integer outside ±2<sup>53</sup> is refused rather than silently rounded (send
 * such values, for example large money amounts, as strings), and non-finite numbers, lone surrogates
 * and duplicate member names are refused.
 */
public final class CanonicalJson {

    /** The largest integer magnitude a double holds exactly. */
    public static final long MAX_SAFE_INTEGER = 1L << 53;

    private static final BigInteger MAX_SAFE = BigInteger.valueOf(MAX_SAFE_INTEGER);

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private CanonicalJson() {
    }

    /** The canonical UTF-8 bytes of {@code value}; throws {@link IllegalArgumentException} for what JCS cannot express. */
    public static byte[] canonicalize(JsonNode value) {
        return canonicalString(value).getBytes(StandardCharsets.UTF_8);
    }

    public static String canonicalString(JsonNode value) {
        StringBuilder out = new StringBuilder(128);
        write(value, out);
        return out.toString();
    }

    /** Parses JSON text strictly: a duplicate member name or trailing content is an error. */
    public static JsonNode parse(String json) {
        try {
            return STRICT.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Canonicalizes JSON text (parse, then {@link #canonicalString(JsonNode)}). */
    public static String canonicalString(String json) {
        return canonicalString(parse(json));
    }

    /** Builds a tree from plain Java values (maps, lists, strings, numbers, booleans, null). */
    public static JsonNode tree(Object value) {
        return STRICT.valueToTree(value);
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node == null) {
            throw new IllegalArgumentException("a JSON value is missing");
        }
        switch (node.getNodeType()) {
            case NULL -> out.append("null");
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case STRING -> writeString(node.stringValue(), out);
            case NUMBER -> out.append(number(node));
            case ARRAY -> {
                out.append('[');
                boolean first = true;
                for (JsonNode element : node.values()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    write(element, out);
                }
                out.append(']');
            }
            case OBJECT -> {
                List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
                // String.compareTo compares UTF-16 code units, exactly the order RFC 8785 section 3.2.3 asks for.
                members.sort(Map.Entry.comparingByKey());
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonNode> member : members) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    writeString(member.getKey(), out);
                    out.append(':');
                    write(member.getValue(), out);
                }
                out.append('}');
            }
            default -> throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }

    private static String number(JsonNode node) {
        if (node.isIntegralNumber()) {
            BigInteger value = node.bigIntegerValue();
            if (value.abs().compareTo(MAX_SAFE) > 0) {
                throw new IllegalArgumentException("integer " + value + " is outside ±2^53 and cannot be canonicalized"
                        + " exactly; send it as a string");
            }
            return value.toString();
        }
        return formatNumber(node.doubleValue());
    }

    /**
     * ECMAScript's Number.prototype.toString for a finite double (ECMA-262 Number::toString, as RFC 8785
     * section 3.2.2.3 requires): the shortest decimal that reads back as the same double, nearest to the
     * exact value when several are equally short.
     */
    public static String formatNumber(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("NaN and Infinity have no JSON form");
        }
        if (value == 0) {
            return "0"; // also for -0
        }
        String sign = value < 0 ? "-" : "";
        double magnitude = Math.abs(value);
        if (magnitude < MAX_SAFE_INTEGER && magnitude == Math.rint(magnitude)) {
            return sign + (long) magnitude;
        }
        BigDecimal shortest = shortestDecimal(magnitude).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // value = digits x 10^(n - k)
        StringBuilder out = new StringBuilder(sign);
        if (k <= n && n <= 21) {
            out.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            int exponent = n - 1;
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        }
        return out.toString();
    }

    /**
     * For each precision p from 1 up, the only p-digit candidates that can read back as {@code value} are
     * the exact value rounded down and rounded up (the doubles' rounding interval is convex); the first p
     * with a candidate that reads back wins, the nearer candidate first, the even last digit on a tie.
     */
    private static BigDecimal shortestDecimal(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
            BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
            boolean downFits = down.doubleValue() == value;
            boolean upFits = up.doubleValue() == value;
            if (downFits && upFits) {
                int order = exact.subtract(down).compareTo(up.subtract(exact));
                if (order != 0) {
                    return order < 0 ? down : up;
                }
                return down.unscaledValue().testBit(0) ? up : down;
            }
            if (downFits) {
                return down;
            }
            if (upFits) {
                return up;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)); // never reached: 17 digits always suffice
    }

    private static void writeString(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    throw new IllegalArgumentException("a string holds a lone surrogate at index " + i);
                }
                out.append(c).append(text.charAt(++i));
                continue;
            }
            if (Character.isLowSurrogate(c)) {
                throw new IllegalArgumentException("a string holds a lone surrogate at index " + i);
            }
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
