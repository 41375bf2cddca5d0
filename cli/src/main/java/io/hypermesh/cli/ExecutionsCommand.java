package io.hypermesh.cli;

import io.hypermesh.protocol.GatewaySignIn;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** Your executions: list them, show one with its cost and blocks, print its output, cancel it. */
@Command(name = "executions", mixinStandardHelpOptions = true, description = "Your executions (see also: hypermesh run).",
        subcommands = {ExecutionsCommand.ListCommand.class, ExecutionsCommand.ShowCommand.class,
                ExecutionsCommand.ResultCommand.class, ExecutionsCommand.CancelCommand.class})
class ExecutionsCommand {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Your executions, newest first.")
    static class ListCommand implements Callable<Integer> {

        @Option(names = "--state", description = "Only this state, e.g. RUNNING or COMPLETED.")
        String state;

        @Option(names = "--limit", defaultValue = "20", description = "How many, 1-100 (default: ${DEFAULT-VALUE}).")
        int limit;

        @Mixin
        SignInOptions signIn;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            String query = "?limit=" + limit + (state == null ? "" : "&state=" + state);
            JsonNode page = api(signIn).get("/api/v1/executions" + query);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-35s  %-9s  %-36s  %7s  %s%n", "ID", "STATE", "ASSET", "VERSION", "CREATED");
            for (JsonNode execution : page.path("executions")) {
                out.printf("%-35s  %-9s  %-36s  %7d  %s%n", execution.path("id").asString(), execution.path("state").asString(),
                        execution.path("assetId").asString(), execution.path("version").asInt(),
                        execution.path("createdAt").asString());
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One execution: state, hosts, cost and blocks.")
    static class ShowCommand extends OneExecution {

        @Option(names = "--watch", description = "Follow it until its outcome, printing every change.")
        boolean watch;

        @Override
        public Integer call() throws IOException {
            GatewayApi api = api(signIn);
            PrintWriter out = spec.commandLine().getOut();
            JsonNode execution = watch ? follow(api, id, out) : api.get("/api/v1/executions/" + id);
            if (!watch) {
                out.printf("%s: %s%n", id, where(execution));
            }
            return printOutcome(api, execution, out);
        }
    }

    @Command(name = "result", mixinStandardHelpOptions = true, description = "Print the accepted output, as the program wrote it.")
    static class ResultCommand extends OneExecution {

        @Override
        public Integer call() throws IOException {
            JsonNode result = api(signIn).get("/api/v1/executions/" + id + "/result");
            spec.commandLine().getOut().println(result.path("output").asString());
            return result.path("exitCode").asInt() == 0 ? 0 : 1;
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = "Cancel before settling: hosts stop being waited for and the whole hold comes back.")
    static class CancelCommand extends OneExecution {

        @Override
        public Integer call() throws IOException {
            JsonNode execution = api(signIn).post("/api/v1/executions/" + id + "/cancellations", Map.of(), Map.of());
            spec.commandLine().getOut().printf("%s: cancelling (%s); the hold is released%n", id, execution.path("state").asString());
            return 0;
        }
    }

    /** What show, result and cancel share: the execution they are about and how to sign in. */
    abstract static class OneExecution implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "EXECUTION_ID")
        String id;

        @Mixin
        SignInOptions signIn;

        @Spec
        CommandSpec spec;
    }

    private static GatewayApi api(SignInOptions signIn) throws IOException {
        URI address = signIn.gatewayAddress();
        return new GatewayApi(address, new GatewaySignIn(address).signIn(signIn.signer(), List.of("client")).accessToken());
    }

    /** Polls the execution, printing each change of state, step or wait, until it has an outcome. */
    static JsonNode follow(GatewayApi api, String id, PrintWriter out) throws IOException {
        String last = "";
        while (true) {
            JsonNode execution = api.get("/api/v1/executions/" + id);
            String now = where(execution);
            if (!now.equals(last)) {
                out.printf("%s  %s%n", Instant.now().toString().substring(11, 23), now);
                out.flush();
                last = now;
            }
            if (finished(execution)) {
                return execution;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while following " + id, e);
            }
        }
    }

    /** The result (when COMPLETED) or why not, then the cost and the blocks; 0 for COMPLETED, 1 otherwise. */
    static int printOutcome(GatewayApi api, JsonNode execution, PrintWriter out) throws IOException {
        String id = execution.path("id").asString();
        String state = execution.path("state").asString();
        if ("COMPLETED".equals(state)) {
            JsonNode result = api.get("/api/v1/executions/" + id + "/result");
            out.printf("Output (exit code %d, sha256 %s):%n%s%n", result.path("exitCode").asInt(),
                    result.path("outputDigest").asString(), result.path("output").asString());
        } else if (!execution.path("failure").isNull() && !execution.path("failure").isMissingNode()) {
            JsonNode failure = execution.path("failure");
            out.printf("%s: %s (%s)%n", state, failure.path("detail").asString(), failure.path("type").asString());
        }
        JsonNode cost = execution.path("cost");
        JsonNode settlement = cost.path("settlement");
        if (settlement.isObject()) {
            out.printf("Cost: held %s; paid for usage %s, bonus %s, platform fee %s; refunded %s%n",
                    caes(settlement.path("held").asLong()), caes(settlement.path("paidForUsage").asLong()),
                    caes(settlement.path("paidAsBonus").asLong()), caes(settlement.path("platformFee").asLong()),
                    caes(settlement.path("refunded").asLong()));
            for (JsonNode payout : settlement.path("payouts")) {
                out.printf("  host %s: %s + bonus %s%n", payout.path("host").asString(), caes(payout.path("usage").asLong()),
                        caes(payout.path("bonus").asLong()));
            }
        }
        JsonNode blocks = execution.path("blocks");
        for (String kind : List.of("execution", "completion")) {
            JsonNode block = blocks.path(kind);
            if (block.isObject() && !block.path("height").isNull()) {
                out.printf("%s block %d (%s)%n", kind.toUpperCase(), block.path("height").asLong(), block.path("hash").asString());
            }
        }
        out.flush();
        return "COMPLETED".equals(state) ? 0 : 1;
    }

    static boolean finished(JsonNode execution) {
        return List.of("COMPLETED", "FAILED", "CANCELLED", "REJECTED").contains(execution.path("state").asString());
    }

    /** "RUNNING at RUN", plus what it waits for. */
    static String where(JsonNode execution) {
        String waiting = execution.path("waitingFor").asString("");
        return execution.path("state").asString() + " at " + execution.path("step").asString()
                + (waiting.isEmpty() ? "" : ", waiting for " + waiting);
    }

    static String caes(long micro) {
        return BigDecimal.valueOf(micro, 6).stripTrailingZeros().toPlainString() + " CAES";
    }

    static Duration duration(String option, String text) {
        Matcher matcher = DURATION.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(option + " must be a number and a unit (ms, s, m, h), e.g. 90s or 10m; got '" + text + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }
}
