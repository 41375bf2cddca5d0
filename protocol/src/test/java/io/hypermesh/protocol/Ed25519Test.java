package io.hypermesh.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Ed25519Test {

    // RFC 8032, section 7.1, TEST 1 (empty message).
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] RFC_SEED = HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    private static final byte[] RFC_PUBLIC = HEX.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    private static final String RFC_SIGNATURE = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";
    private static final byte[] PKCS8_PREFIX = HEX.parseHex("302e020100300506032b657004220420");

    static Ed25519.Signer rfcSigner() {
        byte[] pkcs8 = new byte[PKCS8_PREFIX.length + RFC_SEED.length];
        System.arraycopy(PKCS8_PREFIX, 0, pkcs8, 0, PKCS8_PREFIX.length);
        System.arraycopy(RFC_SEED, 0, pkcs8, PKCS8_PREFIX.length, RFC_SEED.length);
        return Ed25519.Signer.fromPkcs8(pkcs8, new Ed25519.PublicKeyBytes(RFC_PUBLIC));
    }

    @Test
    void shouldReproduceTheRfc8032Signature() {
        assertThat(HEX.formatHex(rfcSigner().sign(new byte[0]))).isEqualTo(RFC_SIGNATURE);
    }

    @Test
    void shouldVerifyOwnSignatureAndRefuseAnyChangedByte() {
        Ed25519.Signer signer = Ed25519.generate();
        byte[] message = "deploy asset 42".getBytes(StandardCharsets.UTF_8);
        byte[] signature = signer.sign(message);

        assertThat(Ed25519.verify(signer.publicKey(), message, signature)).isTrue();
        byte[] tampered = message.clone();
        tampered[0] ^= 1;
        assertThat(Ed25519.verify(signer.publicKey(), tampered, signature)).isFalse();
        assertThat(Ed25519.verify(Ed25519.generate().publicKey(), message, signature)).isFalse();
    }

    @Test
    void shouldVerifyTheRfc8032VectorSignedByAnotherImplementation() {
        // RFC 8032, section 7.1, TEST 2: one-byte message 0x72.
        Ed25519.PublicKeyBytes key = new Ed25519.PublicKeyBytes(HEX.parseHex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"));
        byte[] signature = HEX.parseHex("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");

        assertThat(Ed25519.verify(key, new byte[] {0x72}, signature)).isTrue();
        assertThat(Ed25519.verify(key, new byte[] {0x73}, signature)).isFalse();
    }

    @Test
    void shouldRefuseAPublicKeyThatIsNoCurvePointWithoutThrowing() {
        Ed25519.Signer signer = Ed25519.generate();
        byte[] message = {1, 2, 3};
        byte[] notAPoint = new byte[32];
        java.util.Arrays.fill(notAPoint, (byte) 0xff);

        assertThat(Ed25519.verify(new Ed25519.PublicKeyBytes(notAPoint), message, signer.sign(message))).isFalse();
    }

    @Test
    void shouldAnswerExactlyAsBouncyCastlesByteKeyVerificationAlsoWhenTheKeyIsRemembered() {
        Ed25519.Signer signer = Ed25519.generate();
        byte[] message = "append block".getBytes(StandardCharsets.UTF_8);
        byte[] signature = signer.sign(message);
        byte[] otherMessage = "append another block".getBytes(StandardCharsets.UTF_8);
        byte[] smallOrderKey = new byte[32];
        smallOrderKey[0] = 1; // the neutral element: a curve point of order 1
        byte[] nonCanonicalKey = HEX.parseHex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"); // y = p
        for (byte[] key : new byte[][] {signer.publicKey().raw(), RFC_PUBLIC, smallOrderKey, nonCanonicalKey}) {
            for (byte[] signed : new byte[][] {message, otherMessage}) {
                boolean expected = org.bouncycastle.math.ec.rfc8032.Ed25519.verify(signature, 0, key, 0, signed, 0, signed.length);
                // Twice: the first call decodes the key, the second may use the remembered point.
                for (int attempt = 0; attempt < 2; attempt++) {
                    assertThat(Ed25519.verify(new Ed25519.PublicKeyBytes(key), signed, signature))
                            .as("key %s, attempt %d", HEX.formatHex(key), attempt).isEqualTo(expected);
                }
            }
        }
        assertThat(Ed25519.verify(signer.publicKey(), message, signature)).isTrue();
    }

    @Test
    void shouldTreatMalformedSignaturesAsInvalid() {
        Ed25519.Signer signer = Ed25519.generate();
        byte[] message = {1, 2, 3};
        assertThat(Ed25519.verify(signer.publicKey(), message, "not base64 !")).isFalse();
        assertThat(Ed25519.verify(signer.publicKey(), message, new byte[12])).isFalse();
    }

    @Test
    void shouldRoundTripPublicKeysThroughBase64Url() {
        Ed25519.PublicKeyBytes key = Ed25519.generate().publicKey();
        assertThat(Ed25519.PublicKeyBytes.fromBase64Url(key.toBase64Url())).isEqualTo(key);
        assertThatThrownBy(() -> Ed25519.PublicKeyBytes.fromBase64Url("AAAA"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    @Test
    void shouldRefuseAPrivateKeyThatDoesNotMatchThePublicKey() {
        Ed25519.Signer signer = Ed25519.generate();
        assertThatThrownBy(() -> Ed25519.Signer.fromPkcs8(signer.privateKeyPkcs8(), Ed25519.generate().publicKey()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong");
    }
}
