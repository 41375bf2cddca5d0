package io.hypermesh.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp;
import io.hypermesh.protocol.Ed25519;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;

/** The client side of "sign in with your key", as the CLI does it, over real HTTP. */
public final class SignIn {

    private SignIn() {
    }

    public static JsonNode challenge(TestHttp http, Ed25519.Signer key) {
        return challenge(http, key, request -> request);
    }

    /** As {@link #challenge(TestHttp, Ed25519.Signer)}, with the request adjusted (for example a header added). */
    public static JsonNode challenge(TestHttp http, Ed25519.Signer key, UnaryOperator<TestHttp.Request> adjust) {
        TestHttp.Response response = adjust.apply(http.post("/api/v1/auth/challenges",
                Map.of("publicKey", key.publicKey().toBase64Url()))).send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    /** Signs the challenge's message with {@code key} and asks for a token. */
    public static TestHttp.Response answer(TestHttp http, Ed25519.Signer key, JsonNode challenge, List<String> roles) {
        return answer(http, key, challenge, roles, request -> request);
    }

    public static TestHttp.Response answer(TestHttp http, Ed25519.Signer key, JsonNode challenge, List<String> roles,
            UnaryOperator<TestHttp.Request> adjust) {
        String signature = key.signBase64Url(challenge.get("message").asString().getBytes(StandardCharsets.UTF_8));
        return adjust.apply(answerRequest(http, key.publicKey().toBase64Url(), challenge.get("challengeId").asString(),
                signature, roles)).send();
    }

    public static TestHttp.Response answerWith(TestHttp http, String publicKey, String challengeId, String signature,
            List<String> roles) {
        return answerRequest(http, publicKey, challengeId, signature, roles).send();
    }

    private static TestHttp.Request answerRequest(TestHttp http, String publicKey, String challengeId, String signature,
            List<String> roles) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("challengeId", challengeId);
        body.put("publicKey", publicKey);
        body.put("signature", signature);
        if (roles != null) {
            body.put("roles", roles);
        }
        return http.post("/api/v1/auth/tokens", body);
    }

    /** A fresh access token for {@code key} with the given roles (client when none). */
    public static String token(TestHttp http, Ed25519.Signer key, String... roles) {
        return token(http, key, request -> request, roles);
    }

    public static String token(TestHttp http, Ed25519.Signer key, UnaryOperator<TestHttp.Request> adjust, String... roles) {
        TestHttp.Response response = answer(http, key, challenge(http, key, adjust),
                roles.length == 0 ? null : List.of(roles), adjust);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("accessToken").asString();
    }
}
