package io.hypermesh.protocol;

import tools.jackson.databind.JsonNode;

/** The operation digest: SHA-256 over the RFC 8785 canonical UTF-8 bytes of the operation payload. */
public final class OperationDigest {

    private OperationDigest() {
    }

    public static byte[] of(JsonNode payload) {
        return Digests.sha256(CanonicalJson.canonicalize(payload));
    }

    public static String hexOf(JsonNode payload) {
        return Layout.hex(of(payload));
    }
}
