package io.hypermesh.cli;

import io.hypermesh.protocol.ConsensusProof;
import io.hypermesh.protocol.Ed25519;
import io.hypermesh.protocol.GatewaySignIn;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * Deploys a draft version the way the protocol wants it: the registry says which operation to sign, the ledger's
 * head is the anchor, this key signs and mines the consensus proof, and the registry relays it to the ledger.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Deploy a draft version of your compute asset onto the ledger (a DEPLOYMENT block).",
                "The key signs the operation and mines the proof of work here; nothing secret leaves this machine."})
class DeployCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ASSET_ID", description = "The asset's id.")
    String assetId;

    @Option(names = "--version", required = true, description = "The version to deploy (a draft).")
    int version;

    @Option(names = "--idempotency-key", description = "Retry an earlier attempt with its key (printed when the ledger was unavailable).")
    String idempotencyKey;

    @Mixin
    ProofOptions proof;

    @Mixin
    SignInOptions signIn;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        double[] at = this.proof.coordinate();
        Ed25519.Signer author = signIn.signer();
        URI address = signIn.gatewayAddress();
        String token = new GatewaySignIn(address).signIn(author, List.of("client")).accessToken();
        GatewayApi api = new GatewayApi(address, token);

        String versionPath = "/api/v1/registry/assets/" + assetId + "/versions/" + version;
        JsonNode operation = api.get(versionPath + "/deployment-operation");
        JsonNode head = api.get("/api/v1/ledger/blocks/head");
        ConsensusProof signed = ConsensusProof.create(author, operation.path("type").asString(), operation.path("payload"),
                head.path("height").asLong(), head.path("hash").asString(), Instant.now(), proof.zone, at[0], at[1], at[2],
                proof.difficulty);

        String requestKey = idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString();
        PrintWriter out = spec.commandLine().getOut();
        JsonNode deployed;
        try {
            deployed = api.post(versionPath + "/deployment", Map.of("Idempotency-Key", requestKey), Map.of("proof", signed.toJson()));
        } catch (GatewayApi.RefusedException refused) {
            if (refused.status() == 503 || refused.status() == 409) {
                spec.commandLine().getErr().printf("Not deployed yet; retry with --idempotency-key %s%n", requestKey);
            }
            throw refused;
        }
        JsonNode block = deployed.path("deployment");
        out.printf("Deployed %s version %d in ledger block %d (%s)%n", assetId, version,
                block.path("blockHeight").asLong(), block.path("blockHash").asString());
        return 0;
    }
}
