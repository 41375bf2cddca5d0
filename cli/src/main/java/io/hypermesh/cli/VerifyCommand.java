package io.hypermesh.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify a ledger export offline: every payload digest, proof digest, signature, block hash and "
                + "previous-hash link is recomputed from the file with the protocol library alone. "
                + "Exit code 0 when every block verifies, 1 naming the first bad height otherwise.")
class VerifyCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static class Source {
        @Parameters(arity = "1", paramLabel = "EXPORT", description = "A JSON-lines export (GET /api/v1/ledger/blocks/export).")
        Path file;

        @Option(names = "--gateway", description = "Download the export from this gateway (or ledger-service) address first.")
        URI gateway;
    }

    @Option(names = "--from", description = "With --gateway: the first height to download (default: 0).")
    Long from;

    @Option(names = "--to", description = "With --gateway: the last height to download (default: the head).")
    Long to;

    @Option(names = "--difficulty", defaultValue = "0",
            description = "Also require this many leading zero bits of every proof's work hash (default: ${DEFAULT-VALUE}, not checked).")
    int difficulty;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ExportVerifier verifier = new ExportVerifier(difficulty);
        ExportVerifier.Result result;
        if (source.file != null) {
            if (from != null || to != null) {
                throw new IllegalArgumentException("--from and --to apply to --gateway only; a file is verified whole");
            }
            try (BufferedReader lines = Files.newBufferedReader(source.file, StandardCharsets.UTF_8)) {
                result = verifier.verify(lines);
            }
        } else {
            try (InputStream body = download(source.gateway);
                 BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                result = verifier.verify(lines);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (result.isValid()) {
            out.printf("OK: heights %d..%d verified (%d blocks, last hash %s)%n", result.firstHeight(), result.lastHeight(),
                    result.checkedBlocks(), result.lastHash());
            if (result.mmrRoot() != null) {
                out.printf("inclusion root (leafCount %d): %s%n", result.lastHeight() + 1, result.mmrRoot());
            }
            return 0;
        }
        out.printf("FAILED at height %d: %s%n", result.badHeight(), result.reason());
        if (result.checkedBlocks() > 0) {
            out.printf("heights %d..%d verified before it%n", result.firstHeight(), result.lastHeight());
        }
        return 1;
    }

    private InputStream download(URI gateway) throws IOException {
        StringBuilder query = new StringBuilder();
        if (from != null) {
            query.append(query.isEmpty() ? "?" : "&").append("from=").append(from);
        }
        if (to != null) {
            query.append(query.isEmpty() ? "?" : "&").append("to=").append(to);
        }
        String base = gateway.toString().replaceAll("/+$", "");
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/ledger/blocks/export" + query))
                .timeout(Duration.ofMinutes(10))
                .header("Accept", "application/x-ndjson")
                .GET()
                .build();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading the export", e);
        }
        if (response.statusCode() != 200) {
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readNBytes(2000), StandardCharsets.UTF_8);
            }
            throw new IOException("HTTP " + response.statusCode() + " from " + request.uri() + (body.isBlank() ? "" : ": " + body.strip()));
        }
        return response.body();
    }
}
