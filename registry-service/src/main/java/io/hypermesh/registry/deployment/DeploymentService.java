package io.hypermesh.registry.deployment;

import io.hypermesh.protocol.CanonicalJson;
import io.hypermesh.protocol.ConsensusProof;
import io.hypermesh.registry.asset.AssetAccess;
import io.hypermesh.registry.web.InvalidFieldException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Deploys a draft version: the owner's consensus proof goes to ledger-service, which appends the DEPLOYMENT block;
 * only then is the version DEPLOYED, carrying the block's height and hash. Never half-deployed: the request is
 * stored before the ledger is asked, and every later attempt (a retry, a concurrent request, the re-drive)
 * resends exactly that request under the same ledger idempotency key, so the ledger answers with the one block
 * of the first attempt — a block without its version recorded is finished, never duplicated.
 */
@Service
class DeploymentService {

    private static final Logger log = LoggerFactory.getLogger(DeploymentService.class);
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private final DeploymentRepository deployments;
    private final ObjectProvider<LedgerClient> ledger;
    private final AssetAccess assets;
    private final TransactionTemplate transactions;
    private final DeploymentProperties properties;
    private final Clock clock;

    DeploymentService(DeploymentRepository deployments, ObjectProvider<LedgerClient> ledger, AssetAccess assets,
            TransactionTemplate transactions, DeploymentProperties properties, Clock clock) {
        this.deployments = deployments;
        this.ledger = ledger;
        this.assets = assets;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** The operation the owner signs for {@code version}: what the DEPLOYMENT block will say. */
    DeploymentOperationResponse operation(String assetId, int version, Jwt caller) {
        UUID id = assets.requireOwner(assetId, caller);
        VersionToDeploy draft = requireDraft(deployments.findVersion(id, version).orElseThrow(() -> assets.versionNotFound(id, version)));
        return new DeploymentOperationResponse(VersionToDeploy.BLOCK_TYPE, CanonicalJson.parse(draft.canonicalPayload()));
    }

    /** The deployment's outcome; {@code created} is false when this answers a retry of a finished deployment. */
    record Outcome(DeploymentResponse deployment, boolean created) {
    }

    Outcome deploy(String assetId, int version, Jwt caller, String idempotencyKey, JsonNode proofJson) {
        if (idempotencyKey == null || !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidFieldException("Idempotency-Key", "required: 1-200 visible ASCII characters, the same for every retry");
        }
        ConsensusProof proof;
        try {
            proof = ConsensusProof.fromJson(proofJson);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("proof", e.getMessage());
        }
        LedgerClient client = ledger.getIfAvailable();
        if (client == null) {
            throw new DeploymentUnavailableException();
        }
        UUID id = assets.requireOwner(assetId, caller);

        Step step = transactions.execute(status -> {
            VersionToDeploy current = deployments.lockVersion(id, version).orElseThrow(() -> assets.versionNotFound(id, version));
            if (current.isDeployed()) {
                if (idempotencyKey.equals(current.deploymentIdempotencyKey())) {
                    return new Step(null, DeploymentResponse.of(current));
                }
                throw new VersionAlreadyDeployedException(id, version, current.blockHeight());
            }
            requireDraft(current);
            if (!proof.stake().identity().equals(current.owner())) {
                throw new AuthorNotOwnerException(proof.stake().identity(), current.owner());
            }
            Optional<PendingDeployment> pending = deployments.findPending(id, version);
            if (pending.isPresent()) {
                if (!pending.get().idempotencyKey().equals(idempotencyKey)) {
                    throw new DeploymentInProgressException();
                }
                return new Step(pending.get(), null);
            }
            PendingDeployment request = new PendingDeployment(id, version, idempotencyKey, "registry-deploy-" + UUID.randomUUID(),
                    current.canonicalPayload(), CanonicalJson.canonicalString(proof.toJson()), caller.getSubject(), clock.instant());
            deployments.insertPending(request);
            return new Step(request, null);
        });
        if (step.finished() != null) {
            return new Outcome(step.finished(), false);
        }
        return new Outcome(complete(step.pending(), client), true);
    }

    /** Either a request to send to the ledger or the answer of a deployment that is already finished. */
    private record Step(PendingDeployment pending, DeploymentResponse finished) {
    }

    /**
     * Finishes deployments whose client went away after the ledger was asked (a crash, a timeout, a closed
     * connection): resent under their ledger key, they are recorded with the block the ledger already has.
     */
    @Scheduled(fixedDelayString = "${hypermesh.registry.deployment.redrive-after:30s}",
            initialDelayString = "${hypermesh.registry.deployment.redrive-after:30s}")
    void redrive() {
        LedgerClient client = ledger.getIfAvailable();
        if (client == null) {
            return;
        }
        for (PendingDeployment pending : deployments.findPendingBefore(clock.instant().minus(properties.redriveAfter()), 20)) {
            try {
                complete(pending, client);
                log.info("Finished the deployment of asset {} version {} left pending", pending.assetId(), pending.version());
            } catch (LedgerUnavailableException | DeploymentInProgressException e) {
                log.info("Deployment of asset {} version {} still pending: {}", pending.assetId(), pending.version(),
                        e.getBody().getDetail());
                return;
            } catch (LedgerRefusedException e) {
                log.info("Deployment of asset {} version {} refused by the ledger and dropped: {}", pending.assetId(),
                        pending.version(), e.getBody().getDetail());
            }
        }
    }

    private DeploymentResponse complete(PendingDeployment pending, LedgerClient client) {
        LedgerBlocks.AppendedBlock block;
        try {
            block = client.append(pending.ledgerKey(), new LedgerBlocks.AppendRequest(VersionToDeploy.BLOCK_TYPE,
                    CanonicalJson.parse(pending.payload()), CanonicalJson.parse(pending.proof())));
        } catch (LedgerRefusedException refused) {
            // Nothing was appended: forget the request so that the owner can deploy with a new proof.
            transactions.executeWithoutResult(status -> deployments.deletePending(pending.ledgerKey()));
            throw refused;
        }
        return transactions.execute(status -> {
            deployments.markDeployed(pending, block.height(), block.hash(), block.timestamp());
            assets.refreshProjection(pending.assetId());
            return DeploymentResponse.of(deployments.findVersion(pending.assetId(), pending.version()).orElseThrow());
        });
    }

    private static VersionToDeploy requireDraft(VersionToDeploy version) {
        if (!"DRAFT".equals(version.status())) {
            throw new VersionNotDraftException(version.assetId(), version.version(), version.status());
        }
        return version;
    }
}
