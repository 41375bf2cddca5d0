package io.hypermesh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginCommandTest {

    @TempDir
    Path home;

    @Test
    void shouldNameTheAddressAndTheReasonWhenTheGatewayDoesNotAnswer() throws Exception {
        int unused;
        try (ServerSocket socket = new ServerSocket(0)) {
            unused = socket.getLocalPort();
        }
        CliRun.of("keys", "create", "--home", home.toString());

        CliRun login = CliRun.of("login", "--home", home.toString(), "--gateway", "http://127.0.0.1:" + unused);

        assertThat(login.exitCode()).isNotZero();
        assertThat(login.errors()).startsWith("error: no answer from http://127.0.0.1:" + unused)
                .contains("connection refused").doesNotContain("null").doesNotContain("\tat ");
    }
}
