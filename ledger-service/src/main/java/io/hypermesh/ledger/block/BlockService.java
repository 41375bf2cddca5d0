package io.hypermesh.ledger.block;

import io.hypermesh.ledger.client.StakeClient;
import io.hypermesh.ledger.client.ZoneClient;
import io.hypermesh.ledger.config.LedgerProperties;
import io.hypermesh.ledger.web.ProblemException;
import io.hypermesh.protocol.BlockHeader;
import io.hypermesh.protocol.CanonicalJson;
import io.hypermesh.protocol.ConsensusProof;
import io.hypermesh.protocol.Digests;
import io.hypermesh.protocol.Identity;
import io.hypermesh.protocol.MerkleMountainRange;
import io.hypermesh.protocol.ProofVerification;
import io.hypermesh.protocol.ProofVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends and reads blocks. An append checks the consensus proof part by part (stake signature, work,
 * time, space — see {@link io.hypermesh.protocol.ProofVerifier}), then the staked amount and the zone
 * where those are wired, and only then takes the chain-wide append lock, re-checks what may have changed
 * while it waited (a concurrent retry, the anchor's age, replay) and inserts the block in the same
 * transaction. Anything refused leaves the chain as it was.
 */
@Service
class BlockService {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private final BlockRepository blocks;
    private final LedgerProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ObjectProvider<StakeClient> stakes;
    private final ObjectProvider<ZoneClient> zones;
    private final InclusionIndex inclusion;

    BlockService(BlockRepository blocks, LedgerProperties properties, Clock clock, TransactionTemplate transactions,
            ObjectProvider<StakeClient> stakes, ObjectProvider<ZoneClient> zones, InclusionIndex inclusion) {
        this.blocks = blocks;
        this.inclusion = inclusion;
        this.properties = properties;
        this.clock = clock;
        this.transactions = transactions;
        this.stakes = stakes;
        this.zones = zones;
    }

    /** The blocks and whether this call appended them (false: a retry answered with the first attempt's blocks). */
    record Appended(List<Block> blocks, boolean created) {

        Block block() {
            return blocks.get(0);
        }
    }

    /** An operation whose payload is canonical and whose proof has passed every check that needs no lock. */
    private record Checked(int index, String type, String payload, byte[] operationDigest, ConsensusProof proof,
                           String proofText, String bindingDigest) {
    }

    Appended append(AppendBlockRequest request, String caller, String idempotencyKey) {
        return appendAll(List.of(request), false, caller, idempotencyKey);
    }

    /** Appends every operation or none, in the given order, in one transaction: one commit for many blocks. */
    Appended appendBatch(List<AppendBlockRequest> requests, String caller, String idempotencyKey) {
        return appendAll(requests, true, caller, idempotencyKey);
    }

    private Appended appendAll(List<AppendBlockRequest> requests, boolean batch, String caller, String idempotencyKey) {
        if (idempotencyKey == null || !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw IdempotencyKeyException.missing();
        }
        List<String> payloads = new ArrayList<>();
        StringBuilder fingerprint = new StringBuilder(batch ? "batch" : "single");
        for (int i = 0; i < requests.size(); i++) {
            AppendBlockRequest request = requests.get(i);
            payloads.add(canonicalPayload(request, batch ? "operations[" + i + "].payload" : "payload"));
            fingerprint.append('\n').append(request.type()).append('\n').append(payloads.get(i))
                    .append('\n').append(request.proof().toProof());
        }
        String requestDigest = Digests.sha256Hex(fingerprint.toString().getBytes(StandardCharsets.UTF_8));

        // A retry answers with the first attempt's blocks even when their proofs have gone stale since.
        Optional<Appended> earlier = earlierAppend(caller, idempotencyKey, requestDigest);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        List<Checked> operations = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            try {
                operations.add(check(i, requests.get(i).type(), payloads.get(i), requests.get(i).proof().toProof()));
            } catch (ProofRejectedException e) {
                throw batch ? e.at(i) : e;
            }
        }
        try {
            return transactions.execute(status -> appendLocked(operations, batch, caller, idempotencyKey, requestDigest));
        } catch (DuplicateKeyException e) {
            // The lock makes this unreachable between ledger instances; the constraint still has the last word.
            throw new ProofRejectedException(ProofRejectedException.Reason.REPLAYED, "This proof was already accepted.");
        }
    }

    /** Stake signature, work, time and space (protocol order), then the staked amount and the zone. */
    private Checked check(int index, String type, String payload, ConsensusProof proof) {
        byte[] operationDigest = Digests.sha256(payload.getBytes(StandardCharsets.UTF_8));
        ProofVerifier.Rules rules = new ProofVerifier.Rules(properties.proof().difficultyFor(type),
                properties.proof().maxDrift(), properties.proof().maxAnchorAgeBlocks());
        ProofVerification verification = ProofVerifier.verify(type, operationDigest, proof, rules, chainView(), clock.instant());
        if (!verification.isValid()) {
            throw new ProofRejectedException(ProofRejectedException.Reason.of(verification.failedPart()), verification.reason());
        }
        checkStakedAmount(type, Identity.parse(proof.stake().identity()));
        checkZone(proof.space());
        String bindingDigest = HexFormat.of().formatHex(proof.bindingDigest(type, operationDigest));
        return new Checked(index, type, payload, operationDigest, proof, CanonicalJson.canonicalString(proof.toJson()), bindingDigest);
    }

    private Appended appendLocked(List<Checked> operations, boolean batch, String caller, String idempotencyKey,
            String requestDigest) {
        blocks.lockAppends();
        Optional<Appended> concurrentRetry = earlierAppend(caller, idempotencyKey, requestDigest);
        if (concurrentRetry.isPresent()) {
            return concurrentRetry.get();
        }
        Block parent = blocks.head().orElseThrow(() -> new IllegalStateException("the chain has no genesis block"));
        long headHeight = parent.height();
        // Block times never go backwards, even when instances' clocks disagree a little.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant timestamp = now.isBefore(parent.timestamp()) ? parent.timestamp() : now;
        Set<String> bindingsInThisCall = new HashSet<>();
        List<Block> appended = new ArrayList<>();
        for (Checked operation : operations) {
            try {
                refuseStaleOrReplayed(operation, headHeight, bindingsInThisCall);
            } catch (ProofRejectedException e) {
                throw batch ? e.at(operation.index()) : e;
            }
            String payloadDigest = HexFormat.of().formatHex(operation.operationDigest());
            String author = operation.proof().stake().identity();
            BlockHeader header = new BlockHeader(parent.height() + 1, parent.hash(), operation.type(), payloadDigest,
                    Digests.sha256Hex(operation.proofText().getBytes(StandardCharsets.UTF_8)), author, timestamp);
            Block block = new Block(header.height(), header.previousHash(), operation.type(), operation.payload(), payloadDigest,
                    operation.proofText(), header.proofDigest(), operation.bindingDigest(), author, timestamp, header.hash(),
                    BlockSubjects.of(operation.payload()));
            blocks.insert(block);
            appended.add(block);
            parent = block;
        }
        inclusion.append(appended);
        blocks.recordAppend(caller, idempotencyKey, requestDigest, appended.get(0).height(), appended.size(), now);
        return new Appended(appended, true);
    }

    /** Re-checked under the lock: the head may have moved on while this call waited for it. */
    private void refuseStaleOrReplayed(Checked operation, long headHeight, Set<String> bindingsInThisCall) {
        long anchorAge = headHeight - operation.proof().time().anchorHeight();
        if (anchorAge > properties.proof().maxAnchorAgeBlocks()) {
            throw new ProofRejectedException(ProofRejectedException.Reason.TIME, "the anchor block is " + anchorAge
                    + " blocks behind the head; at most " + properties.proof().maxAnchorAgeBlocks() + " are allowed");
        }
        if (!bindingsInThisCall.add(operation.bindingDigest()) || blocks.bindingUsed(operation.bindingDigest())) {
            throw new ProofRejectedException(ProofRejectedException.Reason.REPLAYED,
                    "This proof was already accepted; a proof is accepted once.");
        }
    }

    private Optional<Appended> earlierAppend(String caller, String idempotencyKey, String requestDigest) {
        return blocks.findAppend(caller, idempotencyKey).map(record -> {
            if (!record.requestDigest().equals(requestDigest)) {
                throw IdempotencyKeyException.reused();
            }
            return new Appended(blocks.range(record.height(), record.height() + record.blockCount() - 1), false);
        });
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

    private ProofVerifier.Chain chainView() {
        return new ProofVerifier.Chain() {
            @Override
            public Optional<ProofVerifier.AnchorBlock> blockAt(long height) {
                return blocks.findByHeight(height).map(b -> new ProofVerifier.AnchorBlock(b.height(), b.hash(), b.timestamp()));
            }

            @Override
            public long headHeight() {
                return head().height();
            }
        };
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
