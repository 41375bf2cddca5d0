package io.hypermesh.protocol;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Everything a block hash covers. The hash is SHA-256 over this byte layout (docs/protocol.md, "Block hash"):
 *
 * <pre>
 * "hypermesh-block:v1"          18 bytes, ASCII, no length prefix
 * height                         8 bytes, signed 64-bit big-endian (never negative)
 * previous hash                 32 bytes (all zero for GENESIS)
 * type                           2-byte big-endian length + UTF-8
 * payload digest                32 bytes
 * proof digest                  32 bytes (all zero for GENESIS, which has no proof)
 * author                         2-byte big-endian length + UTF-8
 * timestamp                      8 bytes, signed 64-bit big-endian, milliseconds since 1970-01-01T00:00:00Z
 * </pre>
 *
 * Digests and hashes travel as 64 lowercase hex characters.
 */
public record BlockHeader(long height, String previousHash, String type, String payloadDigest, String proofDigest,
                          String author, Instant timestamp) {

    public static final String DOMAIN = "hypermesh-block:v1";
    public static final String ZERO_HASH = "0".repeat(64);
    public static final String GENESIS = "GENESIS";
    /** The author of GENESIS, which no key signs. */
    public static final String GENESIS_AUTHOR = "genesis";

    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");

    public BlockHeader {
        if (height < 0) {
            throw new IllegalArgumentException("height must not be negative");
        }
        requireDigest(previousHash, "previous hash");
        requireDigest(payloadDigest, "payload digest");
        requireDigest(proofDigest, "proof digest");
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("type must be 2-32 upper-case letters, digits or '_'");
        }
        if (author == null || author.isEmpty()) {
            throw new IllegalArgumentException("author is missing");
        }
        if (timestamp == null) {
            throw new IllegalArgumentException("timestamp is missing");
        }
    }

    public static boolean isValidType(String type) {
        return type != null && TYPE.matcher(type).matches();
    }

    /** The exact bytes that are hashed. */
    public byte[] hashInput() {
        return Layout.tagged(DOMAIN)
                .int64(height)
                .digest(previousHash)
                .text(type)
                .digest(payloadDigest)
                .digest(proofDigest)
                .text(author)
                .int64(timestamp.toEpochMilli())
                .bytes();
    }

    /** The block hash, 64 lowercase hex characters. */
    public String hash() {
        return Digests.sha256Hex(hashInput());
    }

    private static void requireDigest(String hex, String what) {
        if (!Layout.isDigestHex(hex)) {
            throw new IllegalArgumentException(what + " must be 64 lowercase hex characters");
        }
    }
}
