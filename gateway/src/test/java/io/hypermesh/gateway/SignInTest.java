package io.hypermesh.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.hypermesh.devsupport.TestHttp;
import io.hypermesh.gateway.support.SignIn;
import io.hypermesh.protocol.Ed25519;
import io.hypermesh.protocol.SignInChallenge;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class SignInTest extends GatewayIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldIssueChallengeWhoseMessageIsTheProtocolSignInText() {
        Ed25519.Signer key = Ed25519.generate();

        TestHttp.Response response = http().post("/api/v1/auth/challenges",
                Map.of("publicKey", key.publicKey().toBase64Url())).send();

        assertThat(response.status()).isEqualTo(201);
        JsonNode challenge = response.json();
        String challengeId = challenge.get("challengeId").asString();
        assertThat(response.header("Location")).isEqualTo("/api/v1/auth/challenges/" + challengeId);
        assertThat(challenge.get("identity").asString()).isEqualTo(key.identity().value());
        assertThat(challenge.get("audience").asString()).isEqualTo(ISSUER);
        Instant expiresAt = Instant.parse(challenge.get("expiresAt").asString());
        assertThat(expiresAt).isBetween(Instant.now().plusSeconds(100), Instant.now().plusSeconds(121));
        SignInChallenge expected = new SignInChallenge(ISSUER, challengeId, key.identity(),
                challenge.get("nonce").asString(), expiresAt);
        assertThat(challenge.get("message").asString()).isEqualTo(new String(expected.message(), StandardCharsets.UTF_8));

        TestHttp.Response again = http().get("/api/v1/auth/challenges/" + challengeId).send();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("message").asString()).isEqualTo(challenge.get("message").asString());
    }

    @Test
    void shouldIssueTokenWhoseClaimsAreRightAndWhichVerifiesAgainstTheJwks() throws Exception {
        Ed25519.Signer key = Ed25519.generate();

        TestHttp.Response response = SignIn.answer(http(), key, SignIn.challenge(http(), key), null);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).contains("no-store");
        JsonNode body = response.json();
        assertThat(body.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(body.get("expiresIn").asLong()).isEqualTo(900);
        assertThat(body.get("identity").asString()).isEqualTo(key.identity().value());
        assertThat(body.get("roles").values()).extracting(JsonNode::asString).containsExactly("client");

        TestHttp.Response jwksResponse = http().get("/.well-known/jwks.json").send();
        assertThat(jwksResponse.status()).isEqualTo(200);
        assertThat(jwksResponse.header("Cache-Control")).contains("public").contains("max-age=300");
        JWKSet jwks = JWKSet.parse(jwksResponse.body());
        assertThat(jwks.getKeys()).hasSize(1);
        RSAKey publicKey = (RSAKey) jwks.getKeys().get(0);
        assertThat(publicKey.isPrivate()).as("the JWKS must never carry the private key").isFalse();

        SignedJWT jwt = SignedJWT.parse(body.get("accessToken").asString());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(publicKey.getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(publicKey))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getAudience()).containsExactly("hypermesh");
        assertThat(claims.getSubject()).isEqualTo(key.identity().value());
        assertThat(claims.getStringListClaim("roles")).containsExactly("client");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(claims.getIssueTime().toInstant()).isCloseTo(Instant.now(), within(60, ChronoUnit.SECONDS));
    }

    @Test
    void shouldGrantSelfServiceClientAndHostRoles() throws Exception {
        Ed25519.Signer key = Ed25519.generate();

        TestHttp.Response response = SignIn.answer(http(), key, SignIn.challenge(http(), key), List.of("client", "host"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("roles").values()).extracting(JsonNode::asString).containsExactly("client", "host");
        JWTClaimsSet claims = SignedJWT.parse(response.json().get("accessToken").asString()).getJWTClaimsSet();
        assertThat(claims.getStringListClaim("roles")).containsExactly("client", "host");
    }

    @Test
    void shouldRefuseBadSignature() {
        Ed25519.Signer key = Ed25519.generate();
        JsonNode challenge = SignIn.challenge(http(), key);
        String signatureOverOtherText = key.signBase64Url("not the challenge".getBytes(StandardCharsets.UTF_8));

        TestHttp.Response response = SignIn.answerWith(http(), key.publicKey().toBase64Url(),
                challenge.get("challengeId").asString(), signatureOverOtherText, null);

        assertProblem(response, 401, "bad-signature");
    }

    @Test
    void shouldRefuseExpiredChallenge() {
        Ed25519.Signer key = Ed25519.generate();
        JsonNode challenge = SignIn.challenge(http(), key);
        // Age the challenge in the database, whose clock decides expiry for every replica.
        jdbc.sql("""
                        update sign_in_challenges
                           set created_at = created_at - interval '1 hour', expires_at = expires_at - interval '1 hour'
                         where id = :id""")
                .param("id", UUID.fromString(challenge.get("challengeId").asString()))
                .update();

        TestHttp.Response response = SignIn.answer(http(), key, challenge, null);

        assertProblem(response, 401, "challenge-expired");
    }

    @Test
    void shouldRefuseReplayedChallenge() {
        Ed25519.Signer key = Ed25519.generate();
        JsonNode challenge = SignIn.challenge(http(), key);
        assertThat(SignIn.answer(http(), key, challenge, null).status()).isEqualTo(200);

        TestHttp.Response replay = SignIn.answer(http(), key, challenge, null);

        assertProblem(replay, 401, "challenge-used");
    }

    @Test
    void shouldIssueExactlyOneTokenWhenTheSameAnswerArrivesConcurrently() throws Exception {
        Ed25519.Signer key = Ed25519.generate();
        JsonNode challenge = SignIn.challenge(http(), key);
        List<Callable<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(() -> SignIn.answer(http(), key, challenge, null).status());
        }

        List<Integer> statuses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (Future<Integer> status : pool.invokeAll(answers)) {
                statuses.add(status.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 401);
    }

    @Test
    void shouldRefuseOperatorRoleForUnlistedIdentityWithoutBurningTheChallenge() {
        Ed25519.Signer key = Ed25519.generate();
        JsonNode challenge = SignIn.challenge(http(), key);

        TestHttp.Response refused = SignIn.answer(http(), key, challenge, List.of("client", "operator"));

        assertProblem(refused, 403, "role-not-allowed");
        assertThat(SignIn.answer(http(), key, challenge, List.of("client")).status()).isEqualTo(200);
    }

    @Test
    void shouldGrantOperatorRoleToConfiguredOperator() throws Exception {
        TestHttp.Response response = SignIn.answer(http(), OPERATOR_KEY, SignIn.challenge(http(), OPERATOR_KEY),
                List.of("operator"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JWTClaimsSet claims = SignedJWT.parse(response.json().get("accessToken").asString()).getJWTClaimsSet();
        assertThat(claims.getStringListClaim("roles")).containsExactly("operator");
    }

    @Test
    void shouldGrantServiceRoleOnlyToConfiguredServiceIdentities() throws Exception {
        TestHttp.Response granted = SignIn.answer(http(), SERVICE_KEY, SignIn.challenge(http(), SERVICE_KEY), List.of("service"));
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(SignedJWT.parse(granted.json().get("accessToken").asString()).getJWTClaimsSet().getStringListClaim("roles"))
                .containsExactly("service");

        TestHttp.Response refusedToOperator = SignIn.answer(http(), OPERATOR_KEY, SignIn.challenge(http(), OPERATOR_KEY), List.of("service"));
        assertProblem(refusedToOperator, 403, "role-not-allowed");
    }

    @Test
    void shouldRefuseKeyOfAnotherIdentity() {
        Ed25519.Signer owner = Ed25519.generate();
        Ed25519.Signer stranger = Ed25519.generate();
        JsonNode challenge = SignIn.challenge(http(), owner);

        TestHttp.Response response = SignIn.answer(http(), stranger, challenge, null);

        assertProblem(response, 401, "identity-mismatch");
    }

    @Test
    void shouldRefuseUnknownChallenge() {
        Ed25519.Signer key = Ed25519.generate();
        String signature = key.signBase64Url("anything".getBytes(StandardCharsets.UTF_8));

        TestHttp.Response response = SignIn.answerWith(http(), key.publicKey().toBase64Url(),
                UUID.randomUUID().toString(), signature, null);

        assertProblem(response, 401, "challenge-unknown");
        assertProblem(http().get("/api/v1/auth/challenges/" + UUID.randomUUID()).send(), 404, "not-found");
    }

    @Test
    void shouldNameTheMissingFieldWhenPublicKeyIsAbsent() {
        TestHttp.Response response = http().post("/api/v1/auth/challenges", Map.of()).send();

        assertProblem(response, 400, "validation");
        assertThat(fields(response)).containsExactly("publicKey");
    }

    @Test
    void shouldNameEveryMalformedFieldOfATokenRequest() {
        TestHttp.Response response = SignIn.answerWith(http(), "too-short", "not-a-uuid", "c2lnbmF0dXJl",
                List.of("client", "admin"));

        assertProblem(response, 400, "validation");
        assertThat(fields(response)).containsExactlyInAnyOrder("publicKey", "challengeId", "signature", "roles[1]");
        assertThat(response.body()).contains("must be one of client, host, operator, service");
    }

    @Test
    void shouldAnswerProblemForBodyThatIsNotJson() {
        TestHttp.Response response = http().post("/api/v1/auth/challenges", "{\"publicKey\": ").send();

        assertProblem(response, 400, "malformed-body");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
    }

    @Test
    void shouldNameTheFieldWithTheWrongJsonType() {
        TestHttp.Response response = http().post("/api/v1/auth/tokens", Map.of(
                "challengeId", UUID.randomUUID().toString(),
                "publicKey", Ed25519.generate().publicKey().toBase64Url(),
                "signature", "x".repeat(86),
                "roles", Map.of("not", "a list"))).send();

        assertProblem(response, 400, "validation");
        assertThat(fields(response)).containsExactly("roles");
    }

    @Test
    void shouldAnswerUnsupportedMediaTypeWithProblem() {
        TestHttp.Response response = http().post("/api/v1/auth/challenges", "publicKey=abc")
                .header("Content-Type", "text/plain").send();

        assertProblem(response, 415, "unsupported-media-type");
    }

    @Test
    void shouldPublishDiscoveryDocumentNamingIssuerAndJwks() {
        TestHttp.Response response = http().get("/.well-known/openid-configuration").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("issuer").asString()).isEqualTo(ISSUER);
        assertThat(response.json().get("jwks_uri").asString()).isEqualTo(ISSUER + "/.well-known/jwks.json");
    }

    static void assertProblem(TestHttp.Response response, int status, String typeSlug) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.has("type")).as(response.body()).isTrue();
        assertThat(problem.get("type").asString()).isEqualTo("https://hypermesh.io/problems/" + typeSlug);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("\"trace\"").doesNotContain("Exception");
    }

    private static List<String> fields(TestHttp.Response response) {
        return response.json().get("errors").values().stream().map(error -> error.get("field").asString()).toList();
    }
}
