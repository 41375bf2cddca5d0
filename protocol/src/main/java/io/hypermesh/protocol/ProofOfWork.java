package io.hypermesh.protocol;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Hashcash over the binding digest: SHA-256(binding digest ‖ nonce as 8 bytes big-endian), counted in leading zero bits. */
public final class ProofOfWork {

    /** Nonces stay below 2^53 so that every JSON parser reads them exactly. */
    public static final long MAX_NONCE = CanonicalJson.MAX_SAFE_INTEGER - 1;
    public static final int MAX_DIFFICULTY = 64;

    private ProofOfWork() {
    }

    public static byte[] hash(byte[] bindingDigest, long nonce) {
        return Digests.sha256(Layout.tagged("").digest(bindingDigest).int64(nonce).bytes());
    }

    public static int leadingZeroBits(byte[] hash) {
        int bits = 0;
        for (byte b : hash) {
            if (b == 0) {
                bits += 8;
                continue;
            }
            return bits + Integer.numberOfLeadingZeros(b & 0xff) - 24;
        }
        return bits;
    }

    /** The smallest nonce from 0 up that meets {@code difficulty}; expected 2^difficulty hashes. */
    public static long mine(byte[] bindingDigest, int difficulty) {
        if (difficulty < 0 || difficulty > MAX_DIFFICULTY) {
            throw new IllegalArgumentException("difficulty must be 0 to " + MAX_DIFFICULTY);
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] input = new byte[40];
            System.arraycopy(bindingDigest, 0, input, 0, 32);
            for (long nonce = 0; nonce <= MAX_NONCE; nonce++) {
                for (int i = 0; i < 8; i++) {
                    input[32 + i] = (byte) (nonce >>> (56 - 8 * i));
                }
                if (leadingZeroBits(sha256.digest(input)) >= difficulty) {
                    return nonce;
                }
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        throw new IllegalStateException("no nonce below 2^53 meets difficulty " + difficulty);
    }

    public static boolean meets(byte[] bindingDigest, long nonce, int difficulty) {
        return nonce >= 0 && nonce <= MAX_NONCE && leadingZeroBits(hash(bindingDigest, nonce)) >= difficulty;
    }
}
