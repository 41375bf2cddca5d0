package io.hypermesh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.hypermesh.protocol.CanonicalJson;
import io.hypermesh.protocol.InclusionProof;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

class VerifyInclusionCommandTest {

    @TempDir
    Path directory;

    private final List<String> hashes = ExportFixture.chain(6).stream()
            .map(line -> CanonicalJson.parse(line).path("hash").asString()).toList();
    private final Map<String, String> nodes = new HashMap<>();
    private final MerkleMountainRange range = new MerkleMountainRange();

    VerifyInclusionCommandTest() {
        hashes.forEach(hash -> range.append(hash).forEach(node -> nodes.put(node.level() + "/" + node.position(), node.hash())));
    }

    @Test
    void shouldAcceptAProofThatLeadsToTheTrustedRoot() throws IOException {
        Run run = run("verify-inclusion", save(served(3)).toString(), "--root", range.root(), "--block-hash", hashes.get(3));

        assertThat(run.exitCode).as(run.output + run.errors).isZero();
        assertThat(run.output).startsWith("OK: block " + hashes.get(3) + " is leaf 3 of the 7-block range with root " + range.root())
                .doesNotContain("note:");
    }

    @Test
    void shouldRefuseATamperedPathAnotherBlockOrAnUntrustedRoot() throws IOException {
        ObjectNode tampered = served(3);
        String first = tampered.path("path").get(0).asString();
        tampered.withArray("path").set(0, first.substring(0, 63) + (first.endsWith("0") ? "1" : "0"));

        Run flipped = run("verify-inclusion", save(tampered).toString(), "--root", range.root());
        Run otherBlock = run("verify-inclusion", save(served(3)).toString(), "--root", range.root(), "--block-hash", hashes.get(2));
        Run otherRoot = run("verify-inclusion", save(served(3)).toString(), "--root", hashes.get(0));

        assertThat(flipped.exitCode).isEqualTo(1);
        assertThat(flipped.output).startsWith("FAILED: block " + hashes.get(3) + " at height 3: the path does not lead");
        assertThat(otherBlock.exitCode).isEqualTo(1);
        assertThat(otherRoot.exitCode).isEqualTo(1);
        assertThat(otherRoot.output).contains("not the trusted root");
    }

    @Test
    void shouldSayWhenNothingIndependentWasCompared() throws IOException {
        Run run = run("verify-inclusion", save(served(0)).toString());

        assertThat(run.exitCode).isZero();
        assertThat(run.output).contains("note: the root was not compared").contains("note: the block hash was taken from the proof");
    }

    @Test
    void shouldDownloadTheProofFromAGateway() throws IOException {
        byte[] body = CanonicalJson.canonicalString(served(5)).getBytes(StandardCharsets.UTF_8);
        AtomicReference<String> requested = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requested.set(exchange.getRequestURI().toString());
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            Run run = run("verify-inclusion", "--gateway", "http://127.0.0.1:" + server.getAddress().getPort(), "--height", "5",
                    "--leaf-count", "7", "--root", range.root(), "--block-hash", hashes.get(5));

            assertThat(run.exitCode).as(run.output + run.errors).isZero();
            assertThat(requested.get()).isEqualTo("/api/v1/ledger/blocks/5/inclusion-proof?leafCount=7");
        } finally {
            server.stop(0);
        }
    }

    /** The proof as the ledger serves it: InclusionProof's members plus context such as blockHash. */
    private ObjectNode served(long leaf) {
        long size = range.leafCount();
        List<String> path = new ArrayList<>();
        MerkleMountainRange.pathOf(leaf, size).forEach(node -> path.add(nodes.get(node.level() + "/" + node.position())));
        List<String> peaks = new ArrayList<>();
        MerkleMountainRange.peaks(size).forEach(node -> peaks.add(nodes.get(node.level() + "/" + node.position())));
        ObjectNode json = new InclusionProof(leaf, size, path, peaks, MerkleMountainRange.root(size, peaks)).toJson();
        json.put("height", leaf);
        json.put("blockHash", hashes.get((int) leaf));
        return json;
    }

    private Path save(ObjectNode proof) throws IOException {
        Path file = Files.createTempFile(directory, "proof", ".json");
        Files.writeString(file, CanonicalJson.canonicalString(proof), StandardCharsets.UTF_8);
        return file;
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine commandLine = HypermeshCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return new Run(commandLine.execute(args), out.toString(), err.toString());
    }

    private record Run(int exitCode, String output, String errors) {
    }
}
