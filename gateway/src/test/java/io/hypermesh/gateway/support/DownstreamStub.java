package io.hypermesh.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays one downstream service on 127.0.0.1: it records every request it receives and answers with
 * a small JSON document (with the status a {@code /status/NNN} path asks for), or (when slow) holds the request open so the gateway's read timeout fires.
 */
public final class DownstreamStub implements AutoCloseable {

    /** A request as the service received it; header names are case-insensitive. */
    public record Seen(String method, String pathAndQuery, Map<String, List<String>> headers) {

        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : String.join(",", values);
        }
    }

    private static final Pattern STATUS = Pattern.compile("/status/([1-5][0-9]{2})(/|$)");

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "downstream-stub");
        thread.setDaemon(true); // a request still held by a hanging stub must not keep the test JVM alive
        return thread;
    });
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final boolean slow;

    private DownstreamStub(String name, boolean slow) {
        this.name = name;
        this.slow = slow;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        // Several requests at once (a slow one must not block the others), hence a pool, not the default single thread.
        server.setExecutor(executor);
        server.start();
    }

    public static DownstreamStub answering(String name) {
        return new DownstreamStub(name, false);
    }

    /** A service that accepts connections but does not answer until closed (bounded at 15 s). */
    public static DownstreamStub hanging(String name) {
        return new DownstreamStub(name, true);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Seen> requests() {
        return List.copyOf(seen);
    }

    public Optional<Seen> find(String pathAndQuery) {
        return seen.stream().filter(request -> request.pathAndQuery().equals(pathAndQuery)).findFirst();
    }

    public long count(String pathAndQuery) {
        return seen.stream().filter(request -> request.pathAndQuery().equals(pathAndQuery)).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((key, values) -> headers.put(key, List.copyOf(values)));
        String query = exchange.getRequestURI().getRawQuery();
        String pathAndQuery = exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
        seen.add(new Seen(exchange.getRequestMethod(), pathAndQuery, headers));
        exchange.getRequestBody().readAllBytes();
        if (slow) {
            try {
                release.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String body = exchange.getRequestURI().getPath().equals("/v3/api-docs")
                ? """
                  {"openapi":"3.1.0","info":{"title":"%s","version":"v1"},"paths":{}}""".formatted(name)
                : """
                  {"service":"%s","path":"%s"}""".formatted(name, pathAndQuery);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-Served-By", name);
        exchange.sendResponseHeaders(statusAskedFor(exchange.getRequestURI().getPath()), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A path with {@code /status/NNN} in it is answered with that status, so a test can make the service fail. */
    private static int statusAskedFor(String path) {
        Matcher status = STATUS.matcher(path);
        return status.find() ? Integer.parseInt(status.group(1)) : 200;
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
