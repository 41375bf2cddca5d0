package io.hypermesh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.protocol.Ed25519;
import io.hypermesh.protocol.Identity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysCommandTest {

    @TempDir
    Path home;

    @Test
    void shouldCreateAKeyReadableOnlyByItsOwnerAndPrintItsIdentity() throws Exception {
        CliRun run = run("keys", "create", "--name", "alice", "--home", home.toString());

        assertThat(run.exitCode()).isZero();
        Path file = home.resolve("keys/alice.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Ed25519.Signer loaded = new KeyStore(home).load("alice");
        assertThat(run.output()).contains("identity:   " + loaded.identity());
        assertThat(Identity.of(loaded.publicKey())).isEqualTo(loaded.identity());
        byte[] message = "proof".getBytes(StandardCharsets.UTF_8);
        assertThat(Ed25519.verify(loaded.publicKey(), message, loaded.sign(message))).isTrue();
    }

    @Test
    void shouldRefuseToOverwriteAKeyWithoutForce() throws Exception {
        run("keys", "create", "--home", home.toString());
        String before = Files.readString(home.resolve("keys/default.key"));

        CliRun again = run("keys", "create", "--home", home.toString());
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.errors()).contains("--force");
        assertThat(Files.readString(home.resolve("keys/default.key"))).isEqualTo(before);

        assertThat(run("keys", "create", "--force", "--home", home.toString()).exitCode()).isZero();
        assertThat(Files.readString(home.resolve("keys/default.key"))).isNotEqualTo(before);
    }

    @Test
    void shouldShowTheSameIdentityItCreated() {
        CliRun created = run("keys", "create", "--name", "bob", "--home", home.toString());
        CliRun shown = run("keys", "show", "--name", "bob", "--home", home.toString());

        String identityLine = created.output().lines().filter(line -> line.startsWith("identity:")).findFirst().orElseThrow();
        assertThat(shown.output()).contains(identityLine);
    }

    @Test
    void shouldExplainAMissingKey() {
        CliRun shown = run("keys", "show", "--name", "nobody", "--home", home.toString());
        assertThat(shown.exitCode()).isNotZero();
        assertThat(shown.errors()).startsWith("error: no key named 'nobody'").contains("keys create").doesNotContain("\tat ");
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }
}
