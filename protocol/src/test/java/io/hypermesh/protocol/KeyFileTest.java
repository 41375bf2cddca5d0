package io.hypermesh.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {

    @TempDir
    Path directory;

    @Test
    void shouldReadBackTheKeyItWroteOwnerReadableOnly() throws IOException {
        Ed25519.Signer key = Ed25519.generate();
        Path file = directory.resolve("nested").resolve("service.key");

        KeyFile.write(file, key);
        Ed25519.Signer read = KeyFile.read(file);

        assertThat(read.identity()).isEqualTo(key.identity());
        byte[] message = "signed by the key read back".getBytes(StandardCharsets.UTF_8);
        assertThat(Ed25519.verify(key.publicKey(), message, read.sign(message))).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void shouldCreateAKeyOnFirstUseAndKeepItAfterwards() throws IOException {
        Path file = directory.resolve("registry.key");

        Identity first = KeyFile.readOrCreate(file).identity();
        Identity second = KeyFile.readOrCreate(file).identity();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void shouldRefuseAFileThatIsNotAKey() throws IOException {
        Path file = directory.resolve("notes.key");
        Files.writeString(file, "hello");

        assertThatThrownBy(() -> KeyFile.read(file)).isInstanceOf(IOException.class).hasMessageContaining("not a HyperMesh key file");
    }

    @Test
    void shouldRefuseAPrivateKeyThatDoesNotMatchThePublicKey() throws IOException {
        Path one = directory.resolve("one.key");
        Path two = directory.resolve("two.key");
        KeyFile.write(one, Ed25519.generate());
        KeyFile.write(two, Ed25519.generate());
        String privateHalf = Files.readString(one).substring(0, Files.readString(one).indexOf("-----BEGIN HYPERMESH"));
        String publicHalf = Files.readString(two).substring(Files.readString(two).indexOf("-----BEGIN HYPERMESH"));
        Path mixed = directory.resolve("mixed.key");
        Files.writeString(mixed, privateHalf + publicHalf);

        assertThatThrownBy(() -> KeyFile.read(mixed)).isInstanceOf(IOException.class).hasMessageContaining("does not belong");
    }
}
