package io.hypermesh.service.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.hypermesh.protocol.GatewaySignIn;
import io.hypermesh.protocol.ServiceTokens;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.client.RestClient;
import org.springframework.web.service.annotation.GetExchange;

/** Against a real HTTP callee on loopback whose answers the test chooses (the faults are injected on purpose). */
class ServiceCallTest {

    interface Callee {
        @GetExchange("/thing")
        String thing(@RequestHeader("Authorization") String bearer);
    }

    private final List<String> seenTokens = new CopyOnWriteArrayList<>();
    private final AtomicInteger signIns = new AtomicInteger();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void shouldSignInAgainOnceWhenTheCalleeSays401AndThenSucceed() throws IOException {
        Callee callee = callee(401, 200);

        String answer = call().call(callee::thing);

        assertThat(answer).isEqualTo("{\"ok\":true}");
        assertThat(signIns.get()).isEqualTo(2);
        assertThat(seenTokens).containsExactly("Bearer token-1", "Bearer token-2");
    }

    @Test
    void shouldReportA4xxAsRefusedWithTheCalleesProblem() throws IOException {
        Callee callee = callee(422);

        assertThatThrownBy(() -> call().call(callee::thing))
                .isInstanceOfSatisfying(ServiceRefusedException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(422);
                    assertThat(refused.problem().getDetail()).isEqualTo("answer 422");
                });
    }

    @Test
    void shouldReportA5xxOrNoAnswerAsUnavailable() throws IOException {
        Callee failing = callee(503);
        assertThatThrownBy(() -> call().call(failing::thing)).isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("callee is unavailable");

        int unused;
        try (ServerSocket socket = new ServerSocket(0)) {
            unused = socket.getLocalPort();
        }
        Callee nobody = ServiceCall.client(Callee.class, RestClient.builder(), "http://127.0.0.1:" + unused,
                Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThatThrownBy(() -> call().call(nobody::thing)).isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("ConnectException");
    }

    private ServiceCall call() {
        ServiceTokens tokens = new ServiceTokens(() -> {
            int n = signIns.incrementAndGet();
            return new GatewaySignIn.Token("token-" + n, "hm1service", List.of("service"), 900);
        }, Clock.systemUTC());
        return new ServiceCall("callee", tokens);
    }

    /** A callee answering the given statuses in turn (the last one from then on). */
    private Callee callee(int... statuses) throws IOException {
        AtomicInteger calls = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/thing", exchange -> {
            seenTokens.add(exchange.getRequestHeaders().getFirst("Authorization"));
            int status = statuses[Math.min(calls.getAndIncrement(), statuses.length - 1)];
            byte[] body = (status == 200 ? "{\"ok\":true}"
                    : "{\"type\":\"https://hypermesh.io/problems/x\",\"status\":" + status + ",\"detail\":\"answer " + status + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return ServiceCall.client(Callee.class, RestClient.builder(), "http://127.0.0.1:" + server.getAddress().getPort(),
                Duration.ofSeconds(1), Duration.ofSeconds(2));
    }
}
