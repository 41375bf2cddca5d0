package io.hypermesh.protocol;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a host signs when it reports an assignment (docs/protocol.md §Result attestation): which execution and
 * assignment, the exit code, SHA-256 of the output bytes, and the metered CPU, peak memory and wall time. The
 * signature is Ed25519 by the host's key over the RFC 8785 canonical JSON of {@link #payload()}, so anyone holding
 * the host's public key can check a COMPLETION block's attestations offline.
 */
public record ResultAttestation(String executionId, String assignmentId, String host, int exitCode, String outputDigest,
        long cpuMs, long peakMemoryKb, long wallMs) {

    public static final String TYPE = "hypermesh-result:v1";

    public ObjectNode payload() {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("assignmentId", assignmentId);
        payload.put("cpuMs", cpuMs);
        payload.put("executionId", executionId);
        payload.put("exitCode", exitCode);
        payload.put("host", host);
        payload.put("outputDigest", outputDigest);
        payload.put("peakMemoryKb", peakMemoryKb);
        payload.put("type", TYPE);
        payload.put("wallMs", wallMs);
        return payload;
    }

    public byte[] bytes() {
        return CanonicalJson.canonicalize(payload());
    }

    /** Unpadded base64url of the Ed25519 signature over {@link #bytes()}. */
    public String sign(Ed25519.Signer hostKey) {
        return hostKey.signBase64Url(bytes());
    }

    public boolean verify(Ed25519.PublicKeyBytes hostKey, String signature) {
        try {
            return Ed25519.verify(hostKey, bytes(), signature);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
