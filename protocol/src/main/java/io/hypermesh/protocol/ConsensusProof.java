package io.hypermesh.protocol;

import java.time.Instant;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The four proofs an operation carries (docs/protocol.md, "Consensus proof"):
 * <ul>
 *   <li>stake (who): the author's public key, the identity derived from it, and an Ed25519 signature over the
 *       binding digest, which commits to the operation digest, the type, the identity and the time and space parts;</li>
 *   <li>work (what/how): a nonce such that SHA-256(binding digest ‖ nonce) starts with enough zero bits;</li>
 *   <li>time (when): the author's clock in epoch milliseconds and the anchor block (height and hash) it builds on;</li>
 *   <li>space (where): the zone and 3D coordinate the operation is bound to.</li>
 * </ul>
 * On the wire it is a JSON object {@code {"stake":{...},"work":{...},"time":{...},"space":{...}}}; its proof
 * digest is SHA-256 over the RFC 8785 canonical form of that object.
 */
public record ConsensusProof(Stake stake, Work work, Time time, Space space) {

    public static final Pattern ZONE = Pattern.compile("[a-z][a-z0-9-]{1,62}");

    /** WHO: base64url (unpadded) raw public key and signature, and the identity derived from the key. */
    public record Stake(String publicKey, String identity, String signature) {
    }

    /** WHAT/HOW: the nonce found by mining, 0 to 2^53 - 1 so that it survives any JSON parser. */
    public record Work(long nonce) {
    }

    /** WHEN: epoch milliseconds of the author's clock, and the anchor block's height and hash. */
    public record Time(long timestamp, long anchorHeight, String anchorHash) {

        public Instant instant() {
            return Instant.ofEpochMilli(timestamp);
        }
    }

    /** WHERE: a zone name and a point of the 3D network coordinate space. */
    public record Space(String zone, double x, double y, double z) {
    }

    public ConsensusProof {
        if (stake == null || work == null || time == null || space == null) {
            throw new IllegalArgumentException("a consensus proof has four parts: stake, work, time and space");
        }
    }

    /**
     * Client side: binds the operation to its author, time and place, signs the binding digest and mines a nonce
     * whose work hash has at least {@code difficulty} leading zero bits.
     */
    public static ConsensusProof create(Ed25519.Signer author, String type, JsonNode payload, long anchorHeight,
            String anchorHash, Instant timestamp, String zone, double x, double y, double z, int difficulty) {
        Identity identity = author.identity();
        Time time = new Time(timestamp.toEpochMilli(), anchorHeight, anchorHash);
        Space space = new Space(zone, x, y, z);
        byte[] binding = ProofBinding.digest(OperationDigest.of(payload), type, identity.value(), time, space);
        Stake stake = new Stake(author.publicKey().toBase64Url(), identity.value(), author.signBase64Url(binding));
        return new ConsensusProof(stake, new Work(ProofOfWork.mine(binding, difficulty)), time, space);
    }

    /** The proof as its wire JSON object. */
    public ObjectNode toJson() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode json = nodes.objectNode();
        json.putObject("stake")
                .put("publicKey", stake.publicKey())
                .put("identity", stake.identity())
                .put("signature", stake.signature());
        json.putObject("work").put("nonce", work.nonce());
        json.putObject("time")
                .put("timestamp", time.timestamp())
                .put("anchorHeight", time.anchorHeight())
                .put("anchorHash", time.anchorHash());
        json.putObject("space")
                .put("zone", space.zone())
                .put("x", space.x())
                .put("y", space.y())
                .put("z", space.z());
        return json;
    }

    /** SHA-256 over the canonical JSON of {@link #toJson()}, 64 lowercase hex characters. */
    public String digest() {
        return Digests.sha256Hex(CanonicalJson.canonicalize(toJson()));
    }

    /** The binding digest this proof's signature and work commit to. */
    public byte[] bindingDigest(String type, byte[] operationDigest) {
        return ProofBinding.digest(operationDigest, type, stake.identity(), time, space);
    }

    /** Reads the wire JSON object; throws {@link IllegalArgumentException} naming the first malformed member. */
    public static ConsensusProof fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("proof must be a JSON object");
        }
        JsonNode stake = object(json, "stake");
        JsonNode work = object(json, "work");
        JsonNode time = object(json, "time");
        JsonNode space = object(json, "space");
        return new ConsensusProof(
                new Stake(string(stake, "stake.publicKey"), string(stake, "stake.identity"), string(stake, "stake.signature")),
                new Work(integer(work, "work.nonce")),
                new Time(integer(time, "time.timestamp"), integer(time, "time.anchorHeight"), string(time, "time.anchorHash")),
                new Space(string(space, "space.zone"), number(space, "space.x"), number(space, "space.y"), number(space, "space.z")));
    }

    private static JsonNode object(JsonNode parent, String name) {
        JsonNode node = parent.get(name);
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(name + " must be a JSON object");
        }
        return node;
    }

    private static JsonNode member(JsonNode parent, String path) {
        JsonNode node = parent.get(path.substring(path.indexOf('.') + 1));
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException(path + " is missing");
        }
        return node;
    }

    private static String string(JsonNode parent, String path) {
        JsonNode node = member(parent, path);
        if (!node.isString()) {
            throw new IllegalArgumentException(path + " must be a string");
        }
        return node.stringValue();
    }

    private static long integer(JsonNode parent, String path) {
        JsonNode node = member(parent, path);
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new IllegalArgumentException(path + " must be an integer");
        }
        return node.longValue();
    }

    private static double number(JsonNode parent, String path) {
        JsonNode node = member(parent, path);
        if (!node.isNumber()) {
            throw new IllegalArgumentException(path + " must be a number");
        }
        return node.doubleValue();
    }
}
