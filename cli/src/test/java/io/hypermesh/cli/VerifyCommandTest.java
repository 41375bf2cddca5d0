package io.hypermesh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.hypermesh.protocol.CanonicalJson;
import io.hypermesh.protocol.MerkleMountainRange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class VerifyCommandTest {

    private static final int BAD = 2;

    @TempDir
    Path directory;

    @Test
    void shouldVerifyAnIntactExportAndPrintItsInclusionRoot() throws IOException {
        List<String> lines = ExportFixture.chain(4);
        MerkleMountainRange range = new MerkleMountainRange();
        lines.forEach(line -> range.append(CanonicalJson.parse(line).path("hash").asString()));

        Run run = verify(lines);

        assertThat(run.exitCode).as(run.output + run.errors).isZero();
        assertThat(run.output).startsWith("OK: heights 0..4 verified")
                .contains("inclusion root (leafCount 5): " + range.root());
    }

    @Test
    void shouldCheckACompletionBlocksAttestationsAndSettlementNotOnlyItsHash() throws IOException {
        // Signed and hashed correctly, but it pays for an execution no host attested.
        List<String> lines = ExportFixture.chain(3, "COMPLETION", CanonicalJson.parse(
                "{\"attestations\":[],\"executionId\":\"ex-1\",\"exitCode\":0,\"outputDigest\":\"" + "0".repeat(64) + "\","
                        + "\"settlement\":{\"held\":10,\"paidForUsage\":10,\"paidAsBonus\":0,\"platformFee\":0,\"refunded\":0}}"));

        Run run = verify(lines);

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.output).contains("FAILED at height 3: completion: attestations: there must be at least one");
    }

    @ParameterizedTest(name = "a changed {0} is reported at its height")
    @CsvSource({
            "height, height",
            "hash, hash:",
            "previousHash, previousHash:",
            "type, signature",
            "payload, payloadDigest:",
            "payloadDigest, payloadDigest:",
            "proof, proofDigest:",
            "proofDigest, proofDigest:",
            "author, author:",
            "timestamp, hash:"})
    void shouldNameTheHeightWhereOneFieldWasAltered(String field, String reason) throws IOException {
        List<String> lines = new ArrayList<>(ExportFixture.chain(4));
        lines.set(BAD, alter(lines.get(BAD), field));

        Run run = verify(lines);

        assertThat(run.exitCode).as(run.output + run.errors).isEqualTo(1);
        assertThat(run.output).startsWith("FAILED at height " + BAD + ": ").contains(reason);
        assertThat(run.output).contains("heights 0..1 verified before it");
    }

    @Test
    void shouldReportEveryFlippedByteOfABlockAtThatBlocksHeight() throws IOException {
        List<String> chain = ExportFixture.chain(3);
        byte[] line = chain.get(BAD).getBytes(StandardCharsets.US_ASCII);
        ExportVerifier verifier = new ExportVerifier(0);
        for (int position = 0; position < line.length; position++) {
            byte[] flipped = line.clone();
            flipped[position] ^= 0x01;
            List<String> lines = new ArrayList<>(chain);
            lines.set(BAD, new String(flipped, StandardCharsets.US_ASCII));

            ExportVerifier.Result result = verifier.verify(new java.io.BufferedReader(new java.io.StringReader(String.join("\n", lines))));

            assertThat(result.badHeight()).as("byte %d ('%s') flipped: %s", position, (char) line[position], result.reason()).isEqualTo(BAD);
        }
    }

    @Test
    void shouldReportABrokenLinkWhenABlockIsMissing() throws IOException {
        List<String> lines = new ArrayList<>(ExportFixture.chain(4));
        lines.remove(BAD);

        Run run = verify(lines);

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.output).startsWith("FAILED at height 2: height: expected 2");
    }

    @Test
    void shouldRequireTheProofsWorkOnlyWhenADifficultyIsGiven() throws IOException {
        List<String> lines = ExportFixture.chain(3);

        assertThat(verify(lines, "--difficulty", String.valueOf(ExportFixture.DIFFICULTY)).exitCode).isZero();
        // Mined to 6 bits; a nonce meeting 24 bits by chance is a 1 in 2^18 event, so block 1 fails.
        Run strict = verify(lines, "--difficulty", "24");
        assertThat(strict.exitCode).isEqualTo(1);
        assertThat(strict.output).startsWith("FAILED at height 1: proof: the work hash has fewer than 24 leading zero bits");
    }

    @Test
    void shouldDownloadTheExportFromAGatewayAndVerifyIt() throws IOException {
        String export = String.join("\n", ExportFixture.chain(3)) + "\n";
        AtomicReference<String> requested = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/ledger/blocks/export", exchange -> {
            requested.set(exchange.getRequestURI().toString());
            byte[] body = export.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-ndjson");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            Run run = run("verify", "--gateway", "http://127.0.0.1:" + server.getAddress().getPort() + "/", "--from", "0");

            assertThat(run.exitCode).as(run.output + run.errors).isZero();
            assertThat(run.output).startsWith("OK: heights 0..3 verified");
            assertThat(requested.get()).isEqualTo("/api/v1/ledger/blocks/export?from=0");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void shouldExplainAGatewayThatRefusesTheDownload() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "{\"title\":\"Invalid range\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(400, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            Run run = run("verify", "--gateway", "http://127.0.0.1:" + server.getAddress().getPort(), "--from", "99");

            assertThat(run.exitCode).isEqualTo(1);
            assertThat(run.errors).startsWith("error: HTTP 400").contains("Invalid range");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void shouldRefuseAnEmptyExportAndAMissingSource() throws IOException {
        Run empty = verify(List.of());
        assertThat(empty.exitCode).isEqualTo(1);
        assertThat(empty.errors).startsWith("error: the export has no blocks");

        Run nothing = run("verify");
        assertThat(nothing.exitCode).isNotZero();
        assertThat(nothing.errors).contains("EXPORT").contains("--gateway");
    }

    /** Changes one character (or the number by one) of a top-level field, keeping the line valid JSON. */
    private static String alter(String line, String field) {
        ObjectNode block = (ObjectNode) CanonicalJson.parse(line);
        JsonNode value = block.get(field);
        switch (field) {
            case "height", "timestamp" -> block.put(field, value.longValue() + 1);
            case "payload" -> ((ObjectNode) value).put("assetId", flip(value.path("assetId").stringValue()));
            case "proof" -> ((ObjectNode) value.path("work")).put("nonce", value.path("work").path("nonce").longValue() + 1);
            default -> block.put(field, flip(value.stringValue()));
        }
        return CanonicalJson.canonicalString(block);
    }

    private static String flip(String text) {
        UnaryOperator<Character> other = c -> c == 'a' ? 'b' : c == 'A' ? 'B' : c == '0' ? '1'
                : Character.isDigit(c) ? '0' : Character.isUpperCase(c) ? 'A' : 'a';
        int at = text.length() - 1;
        return text.substring(0, at) + other.apply(text.charAt(at));
    }

    private Run verify(List<String> lines, String... options) throws IOException {
        Path file = directory.resolve("ledger.jsonl");
        Files.writeString(file, lines.isEmpty() ? "" : String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        String[] args = new String[options.length + 2];
        args[0] = "verify";
        args[1] = file.toString();
        System.arraycopy(options, 0, args, 2, options.length);
        return run(args);
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine commandLine = HypermeshCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private record Run(int exitCode, String output, String errors) {
    }
}
