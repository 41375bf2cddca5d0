package io.hypermesh.cli;

import io.hypermesh.protocol.CanonicalJson;
import io.hypermesh.protocol.InclusionProof;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

@Command(name = "verify-inclusion", mixinStandardHelpOptions = true,
        description = {"Check that a block is in the ledger's Merkle Mountain Range, against a root you trust",
                "(e.g. the one 'hypermesh verify' printed for an export). Exit code 0 when it is, 1 otherwise."})
class VerifyInclusionCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static class Source {
        @Parameters(arity = "1", paramLabel = "PROOF", description = "A saved answer of GET /api/v1/ledger/blocks/{height}/inclusion-proof.")
        Path file;

        @Option(names = "--gateway", description = "Download the proof from this gateway (or ledger-service) address; needs --height.")
        URI gateway;
    }

    @Option(names = "--height", description = "With --gateway: the block's height.")
    Long height;

    @Option(names = "--leaf-count", description = "With --gateway: prove against the range of this many blocks (default: up to the head).")
    Long leafCount;

    @Option(names = "--root", description = "The root you trust for the proof's leaf count; without it the proof is only checked to be self-consistent.")
    String trustedRoot;

    @Option(names = "--block-hash", description = "The block hash you hold (default: the proof's blockHash, which is then not independent).")
    String blockHash;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        JsonNode json = source.file != null ? CanonicalJson.parse(Files.readString(source.file, StandardCharsets.UTF_8)) : download();
        InclusionProof proof = InclusionProof.fromJson(json);
        String hash = blockHash != null ? blockHash : json.path("blockHash").asString("");
        PrintWriter out = spec.commandLine().getOut();
        InclusionProof.Verification verification = proof.verify(hash, trustedRoot);
        if (!verification.valid()) {
            out.printf("FAILED: block %s at height %d: %s%n", hash, proof.leafIndex(), verification.reason());
            return 1;
        }
        out.printf("OK: block %s is leaf %d of the %d-block range with root %s%n", hash, proof.leafIndex(), proof.leafCount(), proof.root());
        if (trustedRoot == null) {
            out.println("note: the root was not compared with one you trust (--root); this only shows the proof is self-consistent");
        }
        if (blockHash == null) {
            out.println("note: the block hash was taken from the proof (--block-hash to check one you hold)");
        }
        return 0;
    }

    private JsonNode download() throws IOException {
        if (height == null) {
            throw new IllegalArgumentException("--gateway needs --height");
        }
        String base = source.gateway.toString().replaceAll("/+$", "");
        URI uri = URI.create(base + "/api/v1/ledger/blocks/" + height + "/inclusion-proof" + (leafCount == null ? "" : "?leafCount=" + leafCount));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", "application/json").GET().build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading the proof", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from " + uri + (response.body().isBlank() ? "" : ": " + response.body().strip()));
        }
        return CanonicalJson.parse(response.body());
    }
}
