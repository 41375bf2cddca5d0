package io.hypermesh.ledger.bench;

import io.hypermesh.protocol.BlockHeader;
import io.hypermesh.protocol.CanonicalJson;
import io.hypermesh.protocol.ConsensusProof;
import io.hypermesh.protocol.Ed25519;
import io.hypermesh.protocol.InclusionProof;
import io.hypermesh.protocol.MerkleMountainRange;
import io.hypermesh.protocol.OperationDigest;
import io.hypermesh.protocol.ProofVerification;
import io.hypermesh.protocol.ProofVerifier;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;

/**
 * What an append spends on checking a proof before it takes the append lock, part by part: the whole
 * {@link ProofVerifier#verify} (difficulty 8, an in-memory anchor), the Ed25519 signature alone, the work hash
 * alone, and the payload's canonical form and digest; plus a client's inclusion-proof check in a range of
 * 65,536 blocks. Sample-time mode reports p50 and p99 per call. Run: bench/ledger-jmh.sh.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
@State(Scope.Benchmark)
public class ProofVerificationBenchmark {

    private static final int DIFFICULTY = 8;
    private static final int LEAVES = 1 << 16;

    private JsonNode payload;
    private byte[] operationDigest;
    private ConsensusProof proof;
    private byte[] binding;
    private ProofVerifier.Rules rules;
    private ProofVerifier.Chain chain;
    private Instant now;
    private InclusionProof inclusion;
    private String includedBlock;
    private String trustedRoot;

    @Setup(Level.Trial)
    public void prepare() {
        Ed25519.Signer author = Ed25519.generate();
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("assetId", "a-42");
        operation.put("codeDigest", "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        operation.put("requirements", Map.of("runtime", "python", "cpu", 2, "memoryMb", 512));
        operation.put("version", "1.0.0");
        payload = CanonicalJson.tree(operation);
        operationDigest = OperationDigest.of(payload);
        String anchorHash = new BlockHeader(0, BlockHeader.ZERO_HASH, BlockHeader.GENESIS, OperationDigest.hexOf(payload),
                BlockHeader.ZERO_HASH, BlockHeader.GENESIS_AUTHOR, Instant.parse("2026-01-01T00:00:00Z")).hash();
        now = Instant.parse("2026-01-01T00:00:05Z");
        proof = ConsensusProof.create(author, "DEPLOYMENT", payload, 0, anchorHash, now, "eu-west", 12.5, -3.0, 40.0, DIFFICULTY);
        binding = proof.bindingDigest("DEPLOYMENT", operationDigest);
        rules = new ProofVerifier.Rules(DIFFICULTY, Duration.ofSeconds(30), 1000);
        ProofVerifier.AnchorBlock anchor = new ProofVerifier.AnchorBlock(0, anchorHash, Instant.parse("2026-01-01T00:00:00Z"));
        chain = new ProofVerifier.Chain() {
            @Override
            public Optional<ProofVerifier.AnchorBlock> blockAt(long height) {
                return height == 0 ? Optional.of(anchor) : Optional.empty();
            }

            @Override
            public long headHeight() {
                return 0;
            }
        };
        if (!ProofVerifier.verify("DEPLOYMENT", operationDigest, proof, rules, chain, now).isValid()) {
            throw new IllegalStateException("the benchmark's proof must be valid");
        }
        prepareInclusion();
    }

    private void prepareInclusion() {
        MerkleMountainRange range = new MerkleMountainRange();
        Map<String, String> nodes = new HashMap<>();
        String[] blocks = new String[LEAVES];
        for (int i = 0; i < LEAVES; i++) {
            blocks[i] = io.hypermesh.protocol.Digests.sha256Hex(("block " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            range.append(blocks[i]).forEach(node -> nodes.put(node.level() + "/" + node.position(), node.hash()));
        }
        long leaf = 12_345;
        List<String> path = MerkleMountainRange.pathOf(leaf, LEAVES).stream().map(n -> nodes.get(n.level() + "/" + n.position())).toList();
        List<String> peaks = MerkleMountainRange.peaks(LEAVES).stream().map(n -> nodes.get(n.level() + "/" + n.position())).toList();
        trustedRoot = range.root();
        inclusion = new InclusionProof(leaf, LEAVES, path, peaks, trustedRoot);
        includedBlock = blocks[(int) leaf];
    }

    @Benchmark
    public ProofVerification verifyWholeProof() {
        return ProofVerifier.verify("DEPLOYMENT", operationDigest, proof, rules, chain, now);
    }

    @Benchmark
    public ProofVerification verifySignature() {
        return ProofVerifier.verifyStake(proof.stake(), binding);
    }

    @Benchmark
    public ProofVerification verifyWork() {
        return ProofVerifier.verifyWork(proof.work(), binding, DIFFICULTY);
    }

    @Benchmark
    public byte[] canonicalPayloadDigest() {
        return OperationDigest.of(payload);
    }

    @Benchmark
    public InclusionProof.Verification verifyInclusionIn65536Blocks() {
        return inclusion.verify(includedBlock, trustedRoot);
    }
}
