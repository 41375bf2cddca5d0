package io.hypermesh.cli;

import io.hypermesh.protocol.GatewaySignIn;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON calls through the gateway with a bearer token; a refusal becomes an exception naming its Problem Details. */
final class GatewayApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI gateway;
    private final String bearer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    GatewayApi(URI gateway, String bearer) {
        this.gateway = gateway;
        this.bearer = bearer;
    }

    /** A refused call: the HTTP status and the answer's Problem Details, in one line. */
    static final class RefusedException extends IOException {
        private final int status;

        RefusedException(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    JsonNode get(String path) throws IOException {
        return send(request(path).GET().build());
    }

    JsonNode post(String path, Map<String, String> headers, Object body) throws IOException {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        headers.forEach(request::header);
        return send(request.build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + bearer);
    }

    private JsonNode send(HttpRequest request) throws IOException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling " + request.uri().getPath(), e);
        } catch (IOException e) {
            throw GatewaySignIn.unreachable(request.uri(), e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new RefusedException(response.statusCode(), GatewaySignIn.describe(response));
        }
        return JSON.readTree(response.body());
    }
}
