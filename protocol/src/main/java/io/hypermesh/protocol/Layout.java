package io.hypermesh.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** The byte layouts of the protocol (docs/protocol.md): big-endian integers, length-prefixed UTF-8, raw digests. */
final class Layout {

    private static final HexFormat HEX = HexFormat.of();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    /** Starts a layout with its domain tag (ASCII, no length prefix), so a block hash can never equal a proof hash. */
    static Layout tagged(String tag) {
        Layout layout = new Layout();
        layout.out.writeBytes(tag.getBytes(StandardCharsets.US_ASCII));
        return layout;
    }

    Layout int64(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
        return this;
    }

    /** IEEE 754 binary64, big-endian; -0.0 is written as +0.0 because JSON cannot tell them apart reliably. */
    Layout float64(double value) {
        return int64(Double.doubleToLongBits(value == 0 ? 0.0 : value));
    }

    /** A 32-byte digest given as 64 lowercase hex characters. */
    Layout digest(String hex) {
        byte[] raw = digestBytes(hex);
        out.writeBytes(raw);
        return this;
    }

    Layout digest(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("a digest is exactly 32 bytes");
        }
        out.writeBytes(raw);
        return this;
    }

    /** Unsigned 16-bit big-endian byte length, then the UTF-8 bytes. */
    Layout text(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > 0xffff) {
            throw new IllegalArgumentException("a text field is at most 65535 UTF-8 bytes");
        }
        out.write(utf8.length >>> 8);
        out.write(utf8.length & 0xff);
        out.writeBytes(utf8);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    static boolean isDigestHex(String hex) {
        return hex != null && hex.length() == 64 && hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    static byte[] digestBytes(String hex) {
        if (!isDigestHex(hex)) {
            throw new IllegalArgumentException("a digest is 64 lowercase hex characters");
        }
        return HEX.parseHex(hex);
    }

    static String hex(byte[] raw) {
        return HEX.formatHex(raw);
    }
}
