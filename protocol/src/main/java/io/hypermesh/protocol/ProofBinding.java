package io.hypermesh.protocol;

/**
 * The bytes a consensus proof commits to (docs/protocol.md, "Binding"). The signature is over SHA-256 of
 * these bytes, and the work hash starts from that same digest, so neither can be moved to another
 * operation, type, author, time, anchor or place, and no work can be done before the anchor block exists.
 *
 * <pre>
 * "hypermesh-proof:v1"          18 bytes, ASCII, no length prefix
 * operation digest              32 bytes
 * type                           2-byte big-endian length + UTF-8
 * identity                       2-byte big-endian length + UTF-8
 * timestamp                      8 bytes, signed big-endian, epoch milliseconds
 * anchor height                  8 bytes, signed big-endian
 * anchor hash                   32 bytes
 * zone                           2-byte big-endian length + UTF-8
 * x, y, z                        3 x 8 bytes, IEEE 754 binary64 big-endian (-0.0 written as +0.0)
 * </pre>
 */
public final class ProofBinding {

    public static final String DOMAIN = "hypermesh-proof:v1";

    private ProofBinding() {
    }

    public static byte[] bytes(byte[] operationDigest, String type, String identity, ConsensusProof.Time time,
            ConsensusProof.Space space) {
        return Layout.tagged(DOMAIN)
                .digest(operationDigest)
                .text(type)
                .text(identity)
                .int64(time.timestamp())
                .int64(time.anchorHeight())
                .digest(time.anchorHash())
                .text(space.zone())
                .float64(space.x())
                .float64(space.y())
                .float64(space.z())
                .bytes();
    }

    public static byte[] digest(byte[] operationDigest, String type, String identity, ConsensusProof.Time time,
            ConsensusProof.Space space) {
        return Digests.sha256(bytes(operationDigest, type, identity, time, space));
    }
}
