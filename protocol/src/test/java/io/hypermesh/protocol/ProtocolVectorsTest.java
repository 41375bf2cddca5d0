package io.hypermesh.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The worked test vectors of docs/protocol.md, section "Test vectors". They were also checked by an
 * independent Python implementation of that document; changing any expected value here is a protocol
 * change and must change the document too.
 */
class ProtocolVectorsTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String IDENTITY = "hm1eh7ddx5bksrgcytl7bkai36se4nxx3kl";
    private static final String PUBLIC_KEY = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";

    private static final String GENESIS_HASH = "fa9a6a939fa1613f092521889200c149b0dd9470710a29847bc46dd4cdc87b72";
    private static final String DEPLOYMENT_HASH = "f27a86c8a6699de99ba70a792531805286ec66f2e35f77db26acb10174334459";
    private static final String EXECUTION_HASH = "f00a3997f0b3c9321930e518cca180b3f65154daeb244f720d29022ee2863a10";

    /** The RFC 8032 section 7.1 TEST 1 key. */
    private static Ed25519.Signer key() {
        return Ed25519Test.rfcSigner();
    }

    @Test
    void vector1GenesisBlock() {
        JsonNode payload = CanonicalJson.parse("{\"message\":\"HyperMesh Compute genesis\",\"chain\":\"hypermesh-local\"}");
        assertThat(CanonicalJson.canonicalString(payload)).isEqualTo("{\"chain\":\"hypermesh-local\",\"message\":\"HyperMesh Compute genesis\"}");
        String payloadDigest = OperationDigest.hexOf(payload);
        assertThat(payloadDigest).isEqualTo("40ac4196fd79fbe7452e1d14ccb07dfd266a65c7b65a845c174027113ad1579a");

        BlockHeader genesis = new BlockHeader(0, BlockHeader.ZERO_HASH, "GENESIS", payloadDigest, BlockHeader.ZERO_HASH,
                BlockHeader.GENESIS_AUTHOR, Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(HEX.formatHex(genesis.hashInput())).isEqualTo("68797065726d6573682d626c6f636b3a7631"
                + "0000000000000000"
                + "0000000000000000000000000000000000000000000000000000000000000000"
                + "000747454e45534953"
                + "40ac4196fd79fbe7452e1d14ccb07dfd266a65c7b65a845c174027113ad1579a"
                + "0000000000000000000000000000000000000000000000000000000000000000"
                + "000767656e65736973"
                + "0000019b76daa800");
        assertThat(genesis.hash()).isEqualTo(GENESIS_HASH);
    }

    @Test
    void vector2DeploymentBlockWithItsProof() {
        JsonNode payload = CanonicalJson.parse("{\"assetId\":\"a-42\",\"version\":\"1.0.0\","
                + "\"codeDigest\":\"sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\","
                + "\"requirements\":{\"runtime\":\"python\",\"cpu\":2,\"memoryMb\":512}}");

        ConsensusProof proof = ConsensusProof.create(key(), "DEPLOYMENT", payload, 0, GENESIS_HASH,
                Instant.parse("2026-01-01T00:00:05Z"), "eu-west", 12.5, -3.0, 40.0, 8);

        byte[] operationDigest = OperationDigest.of(payload);
        assertThat(HEX.formatHex(operationDigest)).isEqualTo("cab6c5712d7125a5f2d0167e361173c67fe705f8d01c8de31deb811065bb6c4c");
        assertThat(HEX.formatHex(ProofBinding.bytes(operationDigest, "DEPLOYMENT", IDENTITY, proof.time(), proof.space())))
                .isEqualTo("68797065726d6573682d70726f6f663a7631"
                        + "cab6c5712d7125a5f2d0167e361173c67fe705f8d01c8de31deb811065bb6c4c"
                        + "000a4445504c4f594d454e54"
                        + "0023686d3165683764647835626b7372676379746c37626b616933367365346e7878336b6c"
                        + "0000019b76dabb88"
                        + "0000000000000000"
                        + GENESIS_HASH
                        + "000765752d77657374"
                        + "4029000000000000" + "c008000000000000" + "4044000000000000");
        byte[] binding = proof.bindingDigest("DEPLOYMENT", operationDigest);
        assertThat(HEX.formatHex(binding)).isEqualTo("22245a31b5bd7b57a937588780630cf546da85679ecae4b8dce6bf650ba04e85");
        assertThat(proof.stake()).isEqualTo(new ConsensusProof.Stake(PUBLIC_KEY, IDENTITY,
                "DQbTLSuUW8d2WEhb9PWIlbGZ6gJ_Gcx12NcJt3C1CHDjYycuZUJP68pP2HI0Fnr7aELgvGals9WC-IkqUU64AA"));
        assertThat(proof.work().nonce()).isEqualTo(78);
        assertThat(HEX.formatHex(ProofOfWork.hash(binding, 78))).isEqualTo("00ed4e006179de95b62f100b6c7cecf2489bccfea0c10de720842878d9367862");
        assertThat(CanonicalJson.canonicalString(proof.toJson())).isEqualTo("{\"space\":{\"x\":12.5,\"y\":-3,\"z\":40,\"zone\":\"eu-west\"},"
                + "\"stake\":{\"identity\":\"" + IDENTITY + "\",\"publicKey\":\"" + PUBLIC_KEY + "\","
                + "\"signature\":\"DQbTLSuUW8d2WEhb9PWIlbGZ6gJ_Gcx12NcJt3C1CHDjYycuZUJP68pP2HI0Fnr7aELgvGals9WC-IkqUU64AA\"},"
                + "\"time\":{\"anchorHash\":\"" + GENESIS_HASH + "\",\"anchorHeight\":0,\"timestamp\":1767225605000},"
                + "\"work\":{\"nonce\":78}}");
        assertThat(proof.digest()).isEqualTo("eb05b4a3ea26e5329e41a4591f27f1f3eda8b47214923c9fd45bee4767edfe20");

        BlockHeader block = new BlockHeader(1, GENESIS_HASH, "DEPLOYMENT", HEX.formatHex(operationDigest), proof.digest(),
                IDENTITY, Instant.parse("2026-01-01T00:00:05.250Z"));
        assertThat(block.hash()).isEqualTo(DEPLOYMENT_HASH);
    }

    @Test
    void vector3ExecutionBlockWithFractionalNumbersAndNonAsciiText() {
        JsonNode payload = CanonicalJson.parse("{\"executionId\":\"e-7\",\"maxPriceMicroCaes\":2500000,\"privacy\":\"PRIVATE\","
                + "\"parameters\":{\"\u20ac\":\"euro\",\"ratio\":0.1,\"big\":1e21,\"tiny\":1e-7,\"text\":\"line\\nbreak \\\"quoted\\\"\"}}");
        assertThat(CanonicalJson.canonicalString(payload)).isEqualTo("{\"executionId\":\"e-7\",\"maxPriceMicroCaes\":2500000,"
                + "\"parameters\":{\"big\":1e+21,\"ratio\":0.1,\"text\":\"line\\nbreak \\\"quoted\\\"\",\"tiny\":1e-7,\"\u20ac\":\"euro\"},"
                + "\"privacy\":\"PRIVATE\"}");

        ConsensusProof proof = ConsensusProof.create(key(), "EXECUTION", payload, 1, DEPLOYMENT_HASH,
                Instant.parse("2026-01-01T00:01:00.500Z"), "us-east-2", 0.1, 1e-7, -250.75, 12);

        byte[] operationDigest = OperationDigest.of(payload);
        assertThat(HEX.formatHex(operationDigest)).isEqualTo("3c426a192cb802ac922f8aaef66fb001c35f14be84dcba21ea7d31ffd90f109a");
        byte[] binding = proof.bindingDigest("EXECUTION", operationDigest);
        assertThat(HEX.formatHex(binding)).isEqualTo("27275f489421e16e8463e44ca7105383fde5d12378d755dd232536d36f24e663");
        assertThat(proof.stake().signature())
                .isEqualTo("R1oFISw4juVgn-si4-Cqo7DPU2wK9-NwY1WLsv4lEKlBgl-uYfptSxjwjx0id0k80y9DaJuKTCZ0iZ6uR7HjAg");
        assertThat(proof.work().nonce()).isEqualTo(5090);
        assertThat(HEX.formatHex(ProofOfWork.hash(binding, 5090))).isEqualTo("000e5b8e0d87f5f3e9a6825de5e98bb597bedc65667739828a84cb64bfd6415f");
        assertThat(proof.digest()).isEqualTo("4b0a075df63d9433bcc061e667ea6d87473a34a6fde1b827030fa26ccf8ff8a8");

        BlockHeader block = new BlockHeader(2, DEPLOYMENT_HASH, "EXECUTION", HEX.formatHex(operationDigest), proof.digest(),
                IDENTITY, Instant.parse("2026-01-01T00:01:00.900Z"));
        assertThat(block.hash()).isEqualTo(EXECUTION_HASH);
    }

    @Test
    void vectorProofsVerifyAgainstTheVectorChain() {
        JsonNode payload = CanonicalJson.parse("{\"assetId\":\"a-42\"}");
        ConsensusProof proof = ConsensusProof.create(key(), "DEPLOYMENT", payload, 0, GENESIS_HASH,
                Instant.parse("2026-01-01T00:00:05Z"), "eu-west", 1, 2, 3, 8);
        ProofVerifier.Chain chain = new ProofVerifier.Chain() {
            @Override
            public java.util.Optional<ProofVerifier.AnchorBlock> blockAt(long height) {
                return height == 0
                        ? java.util.Optional.of(new ProofVerifier.AnchorBlock(0, GENESIS_HASH, Instant.parse("2026-01-01T00:00:00Z")))
                        : java.util.Optional.empty();
            }

            @Override
            public long headHeight() {
                return 0;
            }
        };

        ProofVerification result = ProofVerifier.verify("DEPLOYMENT", payload, ConsensusProof.fromJson(proof.toJson()),
                new ProofVerifier.Rules(8, java.time.Duration.ofSeconds(30), 10), chain, Instant.parse("2026-01-01T00:00:06Z"));

        assertThat(result.isValid()).as(String.valueOf(result.reason())).isTrue();
    }
}
