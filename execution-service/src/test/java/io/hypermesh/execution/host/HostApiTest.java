package io.hypermesh.execution.host;

import static io.hypermesh.execution.host.HostFixtures.HOSTS;
import static io.hypermesh.execution.host.HostFixtures.heartbeat;
import static io.hypermesh.execution.host.HostFixtures.idOf;
import static io.hypermesh.execution.host.HostFixtures.joinBody;
import static io.hypermesh.execution.host.HostFixtures.newHostKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.execution.ExecutionServiceTest;
import io.hypermesh.protocol.Ed25519;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostApiTest extends ExecutionServiceTest {

    private final Ed25519.Signer key = newHostKey();
    private final String hostId = idOf(key);
    private final String hostToken = TOKENS.token(hostId, "host");
    private final String clientToken = TOKENS.token(freshIdentity(), "client");

    @Test
    void shouldJoinUnderTheCallersOwnIdentity() {
        Response joined = http.post(HOSTS, joinBody(key)).bearer(hostToken).send();

        assertThat(joined.status()).as(joined.body()).isEqualTo(201);
        assertThat(joined.header("Location")).endsWith(HOSTS + "/" + hostId);
        assertThat(joined.json().path("id").asString()).isEqualTo(hostId);
        assertThat(joined.json().path("status").asString()).isEqualTo("ONLINE");
        Response fetched = http.get(HOSTS + "/" + hostId).bearer(clientToken).send();
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().path("publicKey").asString()).isEqualTo(key.publicKey().toBase64Url());
        assertThat(fetched.json().path("runtimes").get(0).asString()).isEqualTo("python");
        assertThat(fetched.json().path("runtimes").get(1).asString()).isEqualTo("wasm");
        assertThat(fetched.json().path("privacyCapabilities").get(0).asString()).isEqualTo("P2P");
        assertThat(fetched.json().path("resources").path("gpu").path("model").asString()).isEqualTo("nvidia-t4");
        assertThat(fetched.json().path("zone").asString()).isEqualTo("eu-west");
        assertThat(fetched.json().path("coordinate").path("y").asDouble()).isEqualTo(-3.0);
        assertThat(fetched.json().path("load").asInt()).isZero();
    }

    @Test
    void shouldRefuseAPublicKeyThatDoesNotDeriveTheCallersIdentity() {
        Response response = http.post(HOSTS, joinBody(newHostKey())).bearer(hostToken).send();

        assertProblem(response, 422, "identity-mismatch");
        assertProblem(http.get(HOSTS + "/" + hostId).bearer(hostToken).send(), 404, "host-not-found");
    }

    @Test
    void shouldNameAPublicKeyThatIsNotAnEd25519Key() {
        Map<String, Object> body = joinBody(key);
        body.put("publicKey", "c2hvcnQ");

        Response response = http.post(HOSTS, body).bearer(hostToken).send();

        assertProblem(response, 400, "validation");
        assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly("publicKey");
    }

    @Test
    void shouldRefuseASecondJoinWhileOnline() {
        assertThat(http.post(HOSTS, joinBody(key)).bearer(hostToken).send().status()).isEqualTo(201);

        assertProblem(http.post(HOSTS, joinBody(key)).bearer(hostToken).send(), 409, "host-already-online");
    }

    @Test
    void shouldLeaveAndLaterRejoinOnline() {
        http.post(HOSTS, joinBody(key, "python")).bearer(hostToken).send();

        Response left = http.delete(HOSTS + "/" + hostId).bearer(hostToken).send();
        assertThat(left.status()).isEqualTo(204);
        Response afterLeaving = http.get(HOSTS + "/" + hostId).bearer(hostToken).send();
        assertThat(afterLeaving.json().path("status").asString()).isEqualTo("LEFT");
        assertThat(afterLeaving.json().path("leftAt").isNull()).isFalse();
        assertThat(http.delete(HOSTS + "/" + hostId).bearer(hostToken).send().status()).isEqualTo(204);

        Response rejoined = http.post(HOSTS, joinBody(key, "julia")).bearer(hostToken).send();
        assertThat(rejoined.status()).as(rejoined.body()).isEqualTo(201);
        Response fetched = http.get(HOSTS + "/" + hostId).bearer(hostToken).send();
        assertThat(fetched.json().path("status").asString()).isEqualTo("ONLINE");
        assertThat(fetched.json().path("leftAt").isNull()).isTrue();
        assertThat(fetched.json().path("runtimes").get(0).asString()).isEqualTo("julia");
    }

    @Test
    void shouldLetOnlyTheHostItselfOrAnOperatorRemoveIt() {
        http.post(HOSTS, joinBody(key)).bearer(hostToken).send();

        assertProblem(http.delete(HOSTS + "/" + hostId).bearer(TOKENS.token(freshIdentity(), "host")).send(), 403, "not-this-host");
        assertProblem(http.delete(HOSTS + "/" + hostId).bearer(clientToken).send(), 403, "forbidden");
        assertThat(http.get(HOSTS + "/" + hostId).bearer(clientToken).send().json().path("status").asString()).isEqualTo("ONLINE");

        assertThat(http.delete(HOSTS + "/" + hostId).bearer(TOKENS.token(freshIdentity(), "operator")).send().status()).isEqualTo(204);
        assertThat(http.get(HOSTS + "/" + hostId).bearer(clientToken).send().json().path("status").asString()).isEqualTo("LEFT");
    }

    @Test
    void shouldRecordTheLoadReportedByAHeartbeat() {
        Instant joinedAt = Instant.parse(http.post(HOSTS, joinBody(key)).bearer(hostToken).send().json().path("joinedAt").asString());

        Response beat = http.post(HOSTS + "/" + hostId + "/heartbeats", heartbeat(250, 2)).bearer(hostToken).send();

        assertThat(beat.status()).as(beat.body()).isEqualTo(200);
        assertThat(beat.json().path("status").asString()).isEqualTo("ONLINE");
        assertThat(beat.json().path("heartbeatTimeoutSeconds").asLong()).isEqualTo(30);
        Response fetched = http.get(HOSTS + "/" + hostId).bearer(clientToken).send();
        assertThat(fetched.json().path("load").asInt()).isEqualTo(250);
        assertThat(fetched.json().path("runningAssignments").asInt()).isEqualTo(2);
        assertThat(Instant.parse(fetched.json().path("lastHeartbeatAt").asString())).isAfterOrEqualTo(joinedAt);
    }

    @Test
    void shouldForbidHeartbeatsOnBehalfOfAnotherHost() {
        http.post(HOSTS, joinBody(key)).bearer(hostToken).send();
        String path = HOSTS + "/" + hostId + "/heartbeats";

        assertProblem(http.post(path, heartbeat(999, 0)).bearer(TOKENS.token(freshIdentity(), "host")).send(), 403, "not-this-host");
        assertProblem(http.post(path, heartbeat(999, 0)).bearer(TOKENS.token(hostId, "client")).send(), 403, "forbidden");
        assertThat(http.get(HOSTS + "/" + hostId).bearer(clientToken).send().json().path("load").asInt()).isZero();
    }

    @Test
    void shouldRefuseHeartbeatsFromAHostThatLeft() {
        http.post(HOSTS, joinBody(key)).bearer(hostToken).send();
        http.delete(HOSTS + "/" + hostId).bearer(hostToken).send();

        assertProblem(http.post(HOSTS + "/" + hostId + "/heartbeats", heartbeat(0, 0)).bearer(hostToken).send(), 409, "host-left");
    }

    @Test
    void shouldAnswerHeartbeatsOfAHostThatNeverJoinedWithNotFound() {
        assertProblem(http.post(HOSTS + "/" + hostId + "/heartbeats", heartbeat(0, 0)).bearer(hostToken).send(), 404, "host-not-found");
    }

    @Test
    void shouldNameEveryInvalidFieldOfAJoin() {
        Map<String, Object> body = joinBody(key);
        body.put("publicKey", "");
        body.put("runtimes", List.of());
        body.put("privacyCapabilities", List.of("SECRET"));
        body.put("zone", "Bad Zone");
        body.put("coordinate", Map.of("x", 1, "y", 2));
        body.put("resources", Map.of("cpuCores", 0, "memoryMb", 1024, "storageMb", 0,
                "gpu", Map.of("model", " ", "memoryMb", 1024)));

        Response response = http.post(HOSTS, body).bearer(hostToken).send();

        assertProblem(response, 400, "validation");
        assertThat(response.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "publicKey", "runtimes", "privacyCapabilities[0]", "zone", "coordinate.z", "resources.cpuCores",
                "resources.gpu.model");
    }

    @Test
    void shouldRefuseANulCharacterInTheZoneByName() {
        Map<String, Object> body = joinBody(key);
        body.put("zone", "eu\u0000west");

        Response response = http.post(HOSTS, body).bearer(hostToken).send();

        assertProblem(response, 400, "validation");
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("zone");
        assertThat(response.json().path("errors").get(0).path("message").asString()).contains("NUL");
    }

    @Test
    void shouldNameEveryInvalidFieldOfAHeartbeat() {
        http.post(HOSTS, joinBody(key)).bearer(hostToken).send();

        Response response = http.post(HOSTS + "/" + hostId + "/heartbeats", Map.of("load", 1001, "runningAssignments", -1))
                .bearer(hostToken).send();

        assertProblem(response, 400, "validation");
        assertThat(response.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("load", "runningAssignments");
    }

    @Test
    void shouldPageThroughHostsFilteredByStatusAndRuntime() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Ed25519.Signer other = newHostKey();
            http.post(HOSTS, joinBody(other, "javascript")).bearer(TOKENS.token(idOf(other), "host")).send();
            mine.add(idOf(other));
        }
        http.delete(HOSTS + "/" + mine.get(0)).bearer(TOKENS.token(mine.get(0), "host")).send();

        List<String> seen = new ArrayList<>();
        String next = null;
        for (int pages = 0; pages < 100; pages++) {
            Response page = http.get(HOSTS + "?runtime=javascript&status=ONLINE&limit=2" + (next == null ? "" : "&after=" + next))
                    .bearer(clientToken).send();
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.json().path("items").size()).isLessThanOrEqualTo(2);
            seen.addAll(page.json().path("items").findValuesAsString("id"));
            if (page.json().path("next").isNull()) {
                break;
            }
            next = page.json().path("next").asString();
        }

        assertThat(seen).contains(mine.get(1), mine.get(2)).doesNotContain(mine.get(0)).doesNotHaveDuplicates().isSorted();
        Response left = http.get(HOSTS + "?status=LEFT&runtime=javascript&limit=100").bearer(clientToken).send();
        assertThat(left.json().path("items").findValuesAsString("id")).contains(mine.get(0)).doesNotContain(mine.get(1));
        Response wasm = http.get(HOSTS + "?runtime=wasm&limit=100").bearer(clientToken).send();
        assertThat(wasm.json().path("items").findValuesAsString("id")).doesNotContainAnyElementsOf(mine);
    }

    @Test
    void shouldNameEveryInvalidListParameter() {
        Response response = http.get(HOSTS + "?status=GONE&runtime=cobol&limit=101").bearer(clientToken).send();

        assertProblem(response, 400, "validation");
        assertThat(response.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("status", "runtime", "limit");
        Response badCursor = http.get(HOSTS + "?after=somewhere").bearer(clientToken).send();
        assertThat(badCursor.json().path("errors").findValuesAsString("field")).containsExactly("after");
        Response notANumber = http.get(HOSTS + "?limit=many").bearer(clientToken).send();
        assertProblem(notANumber, 400, "validation");
        assertThat(notANumber.json().path("errors").findValuesAsString("field")).containsExactly("limit");
    }

    @Test
    void shouldAnswerAnUnknownHostWithNotFound() {
        assertProblem(http.get(HOSTS + "/" + hostId).bearer(clientToken).send(), 404, "host-not-found");
        assertProblem(http.get(HOSTS + "/not-an-identity").bearer(clientToken).send(), 404, "host-not-found");
    }

    @Test
    void shouldForbidJoiningToIdentitiesWithoutTheHostRole() {
        assertProblem(http.post(HOSTS, joinBody(key)).bearer(TOKENS.token(hostId, "client")).send(), 403, "forbidden");
    }

    @Test
    void shouldRequireATokenToReadHosts() {
        assertProblem(http.get(HOSTS).send(), 401, "unauthorized");
        assertProblem(http.get(HOSTS + "/" + hostId).send(), 401, "unauthorized");
    }

    static void assertProblem(Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).as(response.body()).isEqualTo("https://hypermesh.io/problems/" + type);
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
    }
}
