package io.hypermesh.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ed25519 (RFC 8032): signing with the JDK's own provider, verification with Bouncy Castle's. On the wire a public key is its raw 32 bytes in
 * unpadded base64url and a signature is its raw 64 bytes in unpadded base64url.
 */
public final class Ed25519 {

    /** DER prefix of an X.509 SubjectPublicKeyInfo holding an Ed25519 key (OID 1.3.101.112). */
    private static final byte[] SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    private static final int KEY_BYTES = 32;
    private static final int SIGNATURE_BYTES = 64;
    private static final int DECODED_KEYS_BOUND = 10_000;
    /** Raw key bytes (as ISO-8859-1 text, so that equal keys are equal map keys) to the decoded point. */
    private static final Map<String, org.bouncycastle.math.ec.rfc8032.Ed25519.PublicPoint> DECODED_KEYS = new ConcurrentHashMap<>();

    private Ed25519() {
    }

    /** A raw 32-byte Ed25519 public key. */
    public record PublicKeyBytes(byte[] raw) {

        public PublicKeyBytes {
            if (raw == null || raw.length != KEY_BYTES) {
                throw new IllegalArgumentException("an Ed25519 public key is exactly 32 bytes");
            }
            raw = raw.clone();
        }

        /** Parses unpadded (or padded) base64url; throws {@link IllegalArgumentException} when malformed. */
        public static PublicKeyBytes fromBase64Url(String encoded) {
            return new PublicKeyBytes(decodeBase64Url(encoded, "public key"));
        }

        public static PublicKeyBytes of(PublicKey key) {
            byte[] der = key.getEncoded();
            if (der.length != SPKI_PREFIX.length + KEY_BYTES
                    || !Arrays.equals(Arrays.copyOf(der, SPKI_PREFIX.length), SPKI_PREFIX)) {
                throw new IllegalArgumentException("not an Ed25519 public key");
            }
            return new PublicKeyBytes(Arrays.copyOfRange(der, SPKI_PREFIX.length, der.length));
        }

        @Override
        public byte[] raw() {
            return raw.clone();
        }

        public String toBase64Url() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PublicKeyBytes that && Arrays.equals(raw, that.raw);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(raw);
        }

        @Override
        public String toString() {
            return toBase64Url();
        }
    }

    /** A key pair that can sign; its identity is derived from the public half. */
    public record Signer(PrivateKey privateKey, PublicKeyBytes publicKey) {

        public Identity identity() {
            return Identity.of(publicKey);
        }

        public byte[] sign(byte[] message) {
            try {
                Signature signature = Signature.getInstance("Ed25519");
                signature.initSign(privateKey);
                signature.update(message);
                return signature.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Ed25519 signing failed", e);
            }
        }

        public String signBase64Url(byte[] message) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sign(message));
        }

        /** PKCS#8 DER of the private key, for key files. */
        public byte[] privateKeyPkcs8() {
            return privateKey.getEncoded();
        }

        public static Signer fromPkcs8(byte[] pkcs8, PublicKeyBytes publicKey) {
            try {
                PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
                Signer signer = new Signer(key, publicKey);
                byte[] probe = "hypermesh-key-check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                if (!verify(publicKey, probe, signer.sign(probe))) {
                    throw new IllegalArgumentException("the private key does not belong to the public key");
                }
                return signer;
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("not an Ed25519 PKCS#8 private key", e);
            }
        }
    }

    public static Signer generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new Signer(pair.getPrivate(), PublicKeyBytes.of(pair.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime has Ed25519", e);
        }
    }

    /**
     * Verifies a raw 64-byte signature; a malformed key or signature is simply not valid. Verification
     * uses Bouncy Castle's RFC 8032 code, about seven times faster than the JDK 17 provider, because every
     * ledger append and every sign-in verifies a signature; signing stays with the JDK. The checks are
     * exactly those of Bouncy Castle's {@code verify(sig, pk, m)}: the key's checks and decoding are done
     * once per key ({@link #decodedKey}), the rest per signature.
     */
    public static boolean verify(PublicKeyBytes publicKey, byte[] message, byte[] signatureBytes) {
        if (signatureBytes == null || signatureBytes.length != SIGNATURE_BYTES || message == null) {
            return false;
        }
        try {
            org.bouncycastle.math.ec.rfc8032.Ed25519.PublicPoint point = decodedKey(publicKey.raw);
            return point != null
                    && org.bouncycastle.math.ec.rfc8032.Ed25519.verify(signatureBytes, 0, point, message, 0, message.length);
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /**
     * The key checked (canonical encoding, not of small order) and decoded to a curve point, or null when it is not a
     * valid key. Decoding takes a square root in the field, about a sixth of a verification, and a few keys (the
     * services', the active hosts') sign nearly every operation, so valid keys are remembered; invalid ones are not.
     */
    private static org.bouncycastle.math.ec.rfc8032.Ed25519.PublicPoint decodedKey(byte[] raw) {
        String key = new String(raw, StandardCharsets.ISO_8859_1);
        org.bouncycastle.math.ec.rfc8032.Ed25519.PublicPoint point = DECODED_KEYS.get(key);
        if (point == null) {
            point = org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyPartialExport(raw, 0);
            if (point != null) {
                if (DECODED_KEYS.size() >= DECODED_KEYS_BOUND) {
                    DECODED_KEYS.clear(); // bounded memory; a forgotten key only costs one more decoding
                }
                DECODED_KEYS.put(key, point);
            }
        }
        return point;
    }

    /** Verifies a base64url signature; malformed base64 is not valid. */
    public static boolean verify(PublicKeyBytes publicKey, byte[] message, String signatureBase64Url) {
        byte[] signature;
        try {
            signature = decodeBase64Url(signatureBase64Url, "signature");
        } catch (IllegalArgumentException e) {
            return false;
        }
        return verify(publicKey, message, signature);
    }

    static byte[] decodeBase64Url(String encoded, String what) {
        if (encoded == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        try {
            return Base64.getUrlDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not base64url", e);
        }
    }
}
