package io.hypermesh.cli;

import io.hypermesh.protocol.CanonicalJson;
import io.hypermesh.protocol.ConsensusProof;
import io.hypermesh.protocol.Ed25519;
import io.hypermesh.protocol.ExecutionOperation;
import io.hypermesh.protocol.GatewaySignIn;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a deployed asset version: builds the EXECUTION operation this request determines (docs/protocol.md §7), signs
 * and mines the consensus proof over it here, submits it, follows the execution to its outcome and prints the
 * result, the cost and the blocks.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a deployed version of a compute asset on volunteer hosts and print its result.",
                "The key signs the EXECUTION operation and mines its proof here; the escrow is paid from your wallet.",
                "Exit code 0 when the execution COMPLETED, 1 otherwise."})
class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ASSET_ID", description = "The asset's id.")
    String assetId;

    @Option(names = "--version", required = true, description = "The deployed version to run.")
    int version;

    @Option(names = "--input", paramLabel = "JSON|@FILE", description = "The program's input: JSON (a string needs quotes: "
            + "'\"to be\"'), or @file holding JSON. Default: null.")
    String input;

    @Option(names = "--parameters", paramLabel = "JSON|@FILE", description = "A JSON object overriding the asset's default parameters.")
    String parameters;

    @Option(names = "--redundancy", defaultValue = "1", description = "How many hosts run it independently, 1-7; "
            + "with 2 or more a strict majority must agree (default: ${DEFAULT-VALUE}).")
    int redundancy;

    @Option(names = "--privacy", description = "PRIVATE, PRIVATE_NETWORK, P2P, PUBLIC_NETWORK or FULL_PUBLIC (default: the asset's).")
    String privacy;

    @Option(names = "--strategy", defaultValue = "BALANCED", description = "LATENCY, LOAD, PERFORMANCE or BALANCED (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--max-price", required = true, paramLabel = "MICRO_CAES",
            description = "The most you pay, in micro-CAES (1 CAES = 1000000); a higher quote is refused before anything is held.")
    long maxPrice;

    @Option(names = "--deadline", defaultValue = "10m", paramLabel = "DURATION",
            description = "How long it may take before unfinished work is given up and refunded, e.g. 90s, 10m, 1h (default: ${DEFAULT-VALUE}).")
    String deadline;

    @Option(names = "--only-zone", paramLabel = "ZONE", description = "Run only on hosts in these zones (repeatable; default: any zone).")
    List<String> onlyZones;

    @Option(names = "--idempotency-key", description = "Names the execution; repeat an earlier run's key to pick it up again "
            + "instead of starting another (default: a fresh one, printed).")
    String idempotencyKey;

    @Option(names = "--no-wait", description = "Submit and print the execution's id without following it.")
    boolean noWait;

    /** --zone and --at also place you for the LATENCY strategy (clientCoordinate). */
    @Mixin
    ProofOptions proof;

    @Mixin
    SignInOptions signIn;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        double[] at = this.proof.coordinate();
        JsonNode inputValue = input == null ? JsonNodeFactory.instance.nullNode() : json("--input", input);
        JsonNode parameterValue = parameters == null ? null : json("--parameters", parameters);
        Instant due = Instant.now().plus(ExecutionsCommand.duration("--deadline", deadline)).truncatedTo(ChronoUnit.MILLIS);
        Ed25519.Signer client = signIn.signer();
        URI address = signIn.gatewayAddress();
        GatewayApi api = new GatewayApi(address, new GatewaySignIn(address).signIn(client, List.of("client")).accessToken());

        String key = idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString();
        String identity = client.identity().value();
        ExecutionOperation operation = new ExecutionOperation(ExecutionOperation.executionId(identity, key), identity, assetId,
                version, inputValue, parameterValue, privacy, redundancy, strategy, onlyZones,
                new ExecutionOperation.Coordinate(at[0], at[1], at[2]), maxPrice, due);
        JsonNode head = api.get("/api/v1/ledger/blocks/head");
        ConsensusProof signed = ConsensusProof.create(client, ExecutionOperation.BLOCK_TYPE, operation.payload(),
                head.path("height").asLong(), head.path("hash").asString(), Instant.now(), proof.zone, at[0], at[1], at[2],
                proof.difficulty);

        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("assetId", assetId);
        body.put("version", version);
        body.set("input", inputValue);
        if (parameterValue != null) {
            body.set("parameters", parameterValue);
        }
        body.put("privacy", privacy);
        body.put("redundancy", redundancy);
        body.put("strategy", strategy);
        if (onlyZones != null) {
            onlyZones.forEach(body.putArray("allowedZones")::add);
        }
        body.putObject("clientCoordinate").put("x", at[0]).put("y", at[1]).put("z", at[2]);
        body.put("maxPrice", maxPrice);
        body.put("deadline", due.toString());
        body.set("proof", signed.toJson());

        PrintWriter out = spec.commandLine().getOut();
        JsonNode submitted;
        try {
            submitted = api.post("/api/v1/executions", Map.of("Idempotency-Key", key), body);
        } catch (GatewayApi.RefusedException refused) {
            if (refused.status() >= 500) {
                spec.commandLine().getErr().printf("Not known to have started; retry with --idempotency-key %s%n", key);
            }
            throw refused;
        }
        String id = submitted.path("id").asString();
        out.printf("Execution %s (Idempotency-Key %s): quoted %s, %s%n", id, key,
                ExecutionsCommand.caes(submitted.path("cost").path("quoted").asLong()), ExecutionsCommand.where(submitted));
        out.flush();
        if (noWait) {
            return 0;
        }
        JsonNode finished = ExecutionsCommand.follow(api, id, out);
        return ExecutionsCommand.printOutcome(api, finished, out);
    }

    /** JSON given inline or as @file. */
    static JsonNode json(String option, String value) throws IOException {
        String text = value.startsWith("@") ? Files.readString(Path.of(value.substring(1))) : value;
        try {
            return CanonicalJson.parse(text);
        } catch (RuntimeException notJson) {
            throw new IllegalArgumentException(option + " must be JSON (a string needs quotes, e.g. '\"to be\"') or @file: "
                    + notJson.getMessage());
        }
    }
}
