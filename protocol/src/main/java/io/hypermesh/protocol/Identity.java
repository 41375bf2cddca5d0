package io.hypermesh.protocol;

import java.util.regex.Pattern;

/**
 * A self-certifying actor identity: {@code hm1} followed by the lowercase base32 (RFC 4648, no padding)
 * of the first 20 bytes of SHA-256 over the raw 32-byte Ed25519 public key. Anyone holding the public
 * key can recompute it, so a signature can be checked without a directory lookup.
 */
public record Identity(String value) {

    public static final String PREFIX = "hm1";
    private static final int DIGEST_BYTES = 20;
    private static final Pattern FORMAT = Pattern.compile("hm1[a-z2-7]{32}");

    public Identity {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "identity must be 'hm1' followed by 32 lowercase base32 characters");
        }
    }

    public static Identity of(Ed25519.PublicKeyBytes publicKey) {
        byte[] digest = Digests.sha256(publicKey.raw());
        byte[] head = new byte[DIGEST_BYTES];
        System.arraycopy(digest, 0, head, 0, DIGEST_BYTES);
        return new Identity(PREFIX + Base32.encode(head));
    }

    public static Identity parse(String value) {
        return new Identity(value);
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    /** True when {@code publicKey} is the key this identity was derived from. */
    public boolean isDerivedFrom(Ed25519.PublicKeyBytes publicKey) {
        return equals(of(publicKey));
    }

    @Override
    public String toString() {
        return value;
    }
}
