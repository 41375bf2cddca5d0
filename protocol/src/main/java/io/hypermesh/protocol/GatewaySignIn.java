package io.hypermesh.protocol;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Sign in with your key": asks the gateway for a challenge, signs it with the Ed25519 key and trades
 * the signature for a short-lived bearer token. The signed bytes are rebuilt here from the challenge's
 * fields (see {@link SignInChallenge}), so the client never signs text it did not compose itself.
 * People sign in with it through the CLI; services sign in with it for their own calls ({@link ServiceTokens}).
 */
public final class GatewaySignIn {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI gateway;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public GatewaySignIn(URI gateway) {
        this.gateway = gateway;
    }

    /** A bearer token and what it grants. */
    public record Token(String accessToken, String identity, List<String> roles, long expiresInSeconds) {
    }

    /** The gateway refused a step; {@code problem} is its Problem Details title and detail. */
    public static final class SignInException extends IOException {
        public SignInException(String message) {
            super(message);
        }
    }

    public Token signIn(Ed25519.Signer signer, List<String> roles) throws IOException {
        JsonNode challenge = post("/api/v1/auth/challenges", Map.of("publicKey", signer.publicKey().toBase64Url()));
        Identity identity = Identity.parse(challenge.path("identity").asString());
        if (!identity.equals(signer.identity())) {
            throw new SignInException("the gateway issued a challenge for " + identity + ", not for this key (" + signer.identity() + ")");
        }
        SignInChallenge toSign = new SignInChallenge(
                challenge.path("audience").asString(),
                challenge.path("challengeId").asString(),
                identity,
                challenge.path("nonce").asString(),
                Instant.parse(challenge.path("expiresAt").asString()));

        Map<String, Object> request = new LinkedHashMap<>();
        request.put("challengeId", toSign.challengeId());
        request.put("publicKey", signer.publicKey().toBase64Url());
        request.put("signature", signer.signBase64Url(toSign.message()));
        if (!roles.isEmpty()) {
            request.put("roles", roles);
        }
        JsonNode token = post("/api/v1/auth/tokens", request);
        List<String> granted = new ArrayList<>();
        token.path("roles").forEach(role -> granted.add(role.asString()));
        return new Token(token.path("accessToken").asString(), token.path("identity").asString(), granted,
                token.path("expiresIn").asLong());
    }

    private JsonNode post(String path, Object body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling " + path, e);
        } catch (IOException e) {
            throw unreachable(request.uri(), e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new SignInException(describe(response));
        }
        return JSON.readTree(response.body());
    }

    /** A call that got no answer, in one line naming the address and why ("connection refused", "timed out"). */
    public static IOException unreachable(URI address, IOException failure) {
        String reason = failure instanceof java.net.http.HttpTimeoutException ? "timed out"
                : failure instanceof java.net.ConnectException ? "connection refused — is the gateway running?"
                : failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return new IOException("no answer from " + address.getScheme() + "://" + address.getAuthority() + address.getPath()
                + ": " + reason, failure);
    }

    /** A refused call in one line: status, path, and the Problem Details' title and detail when there are some. */
    public static String describe(HttpResponse<String> response) {
        String text = "HTTP " + response.statusCode() + " from " + response.request().method() + " " + response.uri().getPath();
        try {
            JsonNode problem = JSON.readTree(response.body());
            String title = problem.path("title").asString("");
            String detail = problem.path("detail").asString("");
            return text + ": " + title + (detail.isEmpty() ? "" : " — " + detail);
        } catch (RuntimeException notJson) {
            return text;
        }
    }
}
