package io.hypermesh.ledger.block;

import io.hypermesh.ledger.client.StakeClient;
import io.hypermesh.ledger.client.ZoneClient;
import io.hypermesh.ledger.config.LedgerProperties;
import io.hypermesh.service.web.ProblemException;
import io.hypermesh.protocol.CanonicalJson;
import io.hypermesh.protocol.ConsensusProof;
import io.hypermesh.protocol.Digests;
import io.hypermesh.protocol.Identity;
import io.hypermesh.protocol.MerkleMountainRange;
import io.hypermesh.protocol.ProofVerification;
import io.hypermesh.protocol.ProofVerifier;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Appends and reads blocks. An append checks the consensus proof part by part (stake signature, work,
 * time, space — see {@link io.hypermesh.protocol.ProofVerifier}), then the staked amount and the zone
 * where those are wired, and only then hands the append — one operation, or a batch all or none — to the
 * group-commit writer ({@link GroupCommitAppender}), which re-checks under the chain-wide append lock what may
 * have changed while it waited (a concurrent retry, the anchor's age, replay) and commits it together with the
 * other appends that queued meanwhile. Anything refused leaves the chain as it was.
 */
@Service
class BlockService {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private final BlockRepository blocks;
    private final LedgerProperties properties;
    private final Clock clock;
    private final ObjectProvider<StakeClient> stakes;
    private final ObjectProvider<ZoneClient> zones;
    private final InclusionIndex inclusion;
    private final GroupCommitAppender groupCommit;
    private final RecentBlocks recentBlocks;
    private final ProofChecks proofChecks;
    private final Timer checks;

    BlockService(BlockRepository blocks, LedgerProperties properties, Clock clock,
            ObjectProvider<StakeClient> stakes, ObjectProvider<ZoneClient> zones, InclusionIndex inclusion,
            GroupCommitAppender groupCommit, RecentBlocks recentBlocks, ProofChecks proofChecks, MeterRegistry meters) {
        this.blocks = blocks;
        this.inclusion = inclusion;
        this.groupCommit = groupCommit;
        this.recentBlocks = recentBlocks;
        this.properties = properties;
        this.clock = clock;
        this.stakes = stakes;
        this.zones = zones;
        this.proofChecks = proofChecks;
        this.checks = Timer.builder("ledger.append.checks")
                .description("Checking one append request's proofs (every operation of a batch), from the first verification slot "
                        + "wait to the last stake and zone lookup")
                .register(meters);
    }

    /** The blocks and whether this call appended them (false: a retry answered with the first attempt's blocks). */
    record Appended(List<Block> blocks, boolean created) {

        Block block() {
            return blocks.get(0);
        }
    }

    /**
     * Appends one operation through the group-commit writer: the proof is checked here, on the request's thread, and
     * the block is committed together with the other appends that queued meanwhile.
     */
    Appended append(AppendBlockRequest request, String caller, String idempotencyKey) {
        requireIdempotencyKey(idempotencyKey);
        String payload = canonicalPayload(request, "payload");
        String requestDigest = requestDigest(List.of(request), List.of(payload), false);
        CheckedOperation operation;
        try {
            operation = check(List.of(request), List.of(payload), false).get(0);
        } catch (ProblemException refused) {
            // A retry answers with the first attempt's block even when its proof has gone stale since or a lookup fails
            // now. A retry whose proof still holds is answered by the writer, which looks for the key under the lock.
            return earlierAppend(caller, idempotencyKey, requestDigest).orElseThrow(() -> refused);
        }
        return groupCommit.append(List.of(operation), false, caller, idempotencyKey, requestDigest);
    }

    /**
     * Appends every operation or none, in the given order, as consecutive blocks: each proof is checked here, then the
     * batch is committed through the group-commit writer, with whatever else queued meanwhile.
     */
    Appended appendBatch(List<AppendBlockRequest> requests, String caller, String idempotencyKey) {
        requireIdempotencyKey(idempotencyKey);
        List<String> payloads = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            payloads.add(canonicalPayload(requests.get(i), "operations[" + i + "].payload"));
        }
        String requestDigest = requestDigest(requests, payloads, true);
        List<CheckedOperation> operations;
        try {
            operations = check(requests, payloads, true);
        } catch (ProblemException refused) {
            // As for a single append: a retry answers with the first attempt's blocks whatever the proofs say now.
            Optional<Appended> earlier = earlierAppend(caller, idempotencyKey, requestDigest);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            throw refused;
        }
        return groupCommit.append(operations, true, caller, idempotencyKey, requestDigest);
    }

    private static void requireIdempotencyKey(String idempotencyKey) {
        if (idempotencyKey == null || !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw IdempotencyKeyException.missing();
        }
    }

    /** What a retry must repeat exactly: the kind of call, and each operation's type, canonical payload and proof. */
    private static String requestDigest(List<AppendBlockRequest> requests, List<String> payloads, boolean batch) {
        StringBuilder fingerprint = new StringBuilder(batch ? "batch" : "single");
        for (int i = 0; i < requests.size(); i++) {
            AppendBlockRequest request = requests.get(i);
            fingerprint.append('\n').append(request.type()).append('\n').append(payloads.get(i))
                    .append('\n').append(request.proof().toProof());
        }
        return Digests.sha256Hex(fingerprint.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Each operation's stake signature, work, time and space (protocol order; verified in parallel, {@link ProofChecks}),
     * then its staked amount and zone, operation after operation: the first operation that fails is refused, and in a
     * batch the refusal names its index.
     */
    private List<CheckedOperation> check(List<AppendBlockRequest> requests, List<String> payloads, boolean batch) {
        long started = System.nanoTime();
        try {
            return verifyThenLookUp(requests, payloads, batch);
        } finally {
            checks.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private List<CheckedOperation> verifyThenLookUp(List<AppendBlockRequest> requests, List<String> payloads, boolean batch) {
        List<byte[]> operationDigests = payloads.stream().map(payload -> Digests.sha256(payload.getBytes(StandardCharsets.UTF_8)))
                .toList();
        List<ConsensusProof> proofs = requests.stream().map(request -> request.proof().toProof()).toList();
        Instant now = clock.instant();
        List<ProofVerification> verifications = proofChecks.verifyAll(requests.size(), i -> {
            String type = requests.get(i).type();
            ProofVerifier.Rules rules = new ProofVerifier.Rules(properties.proof().difficultyFor(type),
                    properties.proof().maxDrift(), properties.proof().maxAnchorAgeBlocks());
            return ProofVerifier.verify(type, operationDigests.get(i), proofs.get(i), rules, recentBlocks, now);
        });
        List<CheckedOperation> operations = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            try {
                operations.add(checkAfterVerification(i, requests.get(i).type(), payloads.get(i), operationDigests.get(i),
                        proofs.get(i), verifications.get(i)));
            } catch (ProofRejectedException refused) {
                throw batch ? refused.at(i) : refused;
            }
        }
        return operations;
    }

    private CheckedOperation checkAfterVerification(int index, String type, String payload, byte[] operationDigest,
            ConsensusProof proof, ProofVerification verification) {
        if (!verification.isValid()) {
            throw new ProofRejectedException(ProofRejectedException.Reason.of(verification.failedPart()), verification.reason());
        }
        checkStakedAmount(type, Identity.parse(proof.stake().identity()));
        checkZone(proof.space());
        String bindingDigest = HexFormat.of().formatHex(proof.bindingDigest(type, operationDigest));
        return new CheckedOperation(index, type, payload, operationDigest, proof, CanonicalJson.canonicalString(proof.toJson()),
                bindingDigest);
    }

    private Optional<Appended> earlierAppend(String caller, String idempotencyKey, String requestDigest) {
        return blocks.findAppend(caller, idempotencyKey).map(record -> earlierAppend(record, requestDigest));
    }

    /** The blocks an earlier request with the same key appended, if this request repeats it exactly. */
    private Appended earlierAppend(BlockRepository.AppendRecord record, String requestDigest) {
        if (!record.requestDigest().equals(requestDigest)) {
            throw IdempotencyKeyException.reused();
        }
        return new Appended(blocks.appendedBy(record), false);
    }

    private String canonicalPayload(AppendBlockRequest request, String field) {
        String payload;
        try {
            payload = CanonicalJson.canonicalString(request.payload());
        } catch (IllegalArgumentException e) {
            throw new InvalidPayloadException(field, e.getMessage());
        }
        if (payload.getBytes(StandardCharsets.UTF_8).length > properties.maxPayloadBytes()) {
            throw new InvalidPayloadException(field, "the canonical payload is larger than " + properties.maxPayloadBytes() + " bytes");
        }
        return payload;
    }

    private void checkStakedAmount(String type, Identity author) {
        long minimum = properties.proof().minimumStakeFor(type);
        if (minimum == 0) {
            return;
        }
        StakeClient client = stakes.getIfAvailable();
        if (client == null) {
            throw new DependencyUnavailableException("stake-unavailable", "Stake unavailable",
                    "Blocks of type " + type + " need a stake of " + minimum + " micro-CAES, and stakes cannot be looked up "
                            + "yet; the append is refused rather than accepted unchecked.");
        }
        long staked;
        try {
            staked = client.stakedMicroCaes(author);
        } catch (StakeClient.StakeUnavailableException e) {
            throw new DependencyUnavailableException("stake-unavailable", "Stake unavailable",
                    "The author's stake cannot be looked up right now; try again later.");
        }
        if (staked < minimum) {
            throw new ProofRejectedException(ProofRejectedException.Reason.STAKE, "The author has staked " + staked
                    + " micro-CAES; blocks of type " + type + " need at least " + minimum + ".");
        }
    }

    private void checkZone(ConsensusProof.Space space) {
        ZoneClient client = zones.getIfAvailable();
        if (client == null) {
            return; // not wired yet: only the zone's syntax and a finite coordinate were checked (README)
        }
        boolean contains;
        try {
            contains = client.contains(space.zone(), space.x(), space.y(), space.z());
        } catch (ZoneClient.ZoneUnavailableException e) {
            throw new DependencyUnavailableException("zone-unavailable", "Zone unavailable",
                    "The zone cannot be looked up right now; try again later.");
        }
        if (!contains) {
            throw new ProofRejectedException(ProofRejectedException.Reason.SPACE,
                    "Zone '" + space.zone() + "' does not exist or does not contain the coordinate.");
        }
    }

    Block head() {
        return blocks.head().orElseThrow(() -> new BlockNotFoundException("yet: the chain has no genesis block"));
    }

    Block byHeight(long height) {
        return blocks.findByHeight(height).orElseThrow(() -> new BlockNotFoundException("at height " + height));
    }

    Block byHash(String hash) {
        return blocks.findByHash(hash).orElseThrow(() -> new BlockNotFoundException("with hash " + hash));
    }

    /**
     * Evidence that the block at {@code height} is in the Merkle Mountain Range of the first {@code leafCount} blocks
     * (default: all, up to the head). Nodes never change once written, so a proof against an earlier size — one whose
     * root a client recorded — stays available.
     */
    InclusionProofResponse inclusionProof(long height, Long requestedLeafCount) {
        long current = inclusion.leafCount();
        if (height >= current) {
            throw new BlockNotFoundException("at height " + height);
        }
        long leafCount = requestedLeafCount == null ? current : requestedLeafCount;
        if (leafCount <= height || leafCount > current) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-range", "Invalid range",
                    "'leafCount' (" + leafCount + ") must be above the height (" + height + ") and at most the number of blocks ("
                            + current + ").");
        }
        Block block = byHeight(height);
        Block head = byHeight(leafCount - 1);
        InclusionIndex.Evidence evidence = inclusion.evidence(height, leafCount);
        return new InclusionProofResponse(height, block.hash(), height, leafCount, MerkleMountainRange.nodeCount(leafCount),
                evidence.path(), evidence.peaks(), evidence.mountain().index(), MerkleMountainRange.root(leafCount, evidence.peaks()),
                head.height(), head.hash());
    }

    /** One page of blocks above {@code afterHeight}; the cursor is null on the last page. */
    BlockPage list(BlockFilter filter, long afterHeight, int limit) {
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-range", "Invalid range",
                    "'from' (" + filter.from() + ") must not be after 'to' (" + filter.to() + ").");
        }
        List<Block> found = blocks.list(filter, afterHeight, limit + 1);
        boolean more = found.size() > limit;
        List<Block> page = more ? found.subList(0, limit) : found;
        Long next = more ? page.get(page.size() - 1).height() : null;
        return new BlockPage(page.stream().map(BlockResponse::of).toList(), next);
    }
}
