package io.hypermesh.cli;

import io.hypermesh.protocol.Ed25519;
import io.hypermesh.protocol.KeyFile;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Named keys under {@code <home>/keys/<name>.key}, each a {@link KeyFile}. */
public final class KeyStore {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private final Path home;

    public KeyStore(Path home) {
        this.home = home;
    }

    /** {@code $HYPERMESH_HOME}, else {@code ~/.hypermesh}. */
    public static Path defaultHome() {
        String configured = System.getenv("HYPERMESH_HOME");
        return configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".hypermesh");
    }

    public Path home() {
        return home;
    }

    public Path pathOf(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("key name must be letters, digits, '.', '_' or '-' (max 64): " + name);
        }
        return home.resolve("keys").resolve(name + ".key");
    }

    /** Writes a new key; refuses to overwrite one unless asked, since a lost key is a lost identity. */
    public Path save(String name, Ed25519.Signer signer, boolean overwrite) throws IOException {
        Path file = pathOf(name);
        if (Files.exists(file) && !overwrite) {
            throw new FileAlreadyExistsException(file.toString(), null, "a key with this name exists; use --force to replace it");
        }
        KeyFile.write(file, signer);
        return file;
    }

    public Ed25519.Signer load(String name) throws IOException {
        Path file = pathOf(name);
        if (!Files.exists(file)) {
            throw new IOException("no key named '" + name + "' at " + file + "; create one with 'hypermesh keys create'");
        }
        return KeyFile.read(file);
    }
}
