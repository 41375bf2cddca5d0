package io.hypermesh.cli;

import io.hypermesh.protocol.Ed25519;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Key files under {@code <home>/keys/<name>.key}: a PKCS#8 private key and the raw public key, both
 * PEM-armoured. Files are created readable by their owner only.
 */
public final class KeyStore {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern PRIVATE = Pattern.compile("-----BEGIN PRIVATE KEY-----(.*?)-----END PRIVATE KEY-----", Pattern.DOTALL);
    private static final Pattern PUBLIC = Pattern.compile("-----BEGIN HYPERMESH PUBLIC KEY-----(.*?)-----END HYPERMESH PUBLIC KEY-----", Pattern.DOTALL);

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
        Files.createDirectories(file.getParent());
        String text = pem("PRIVATE KEY", signer.privateKeyPkcs8()) + pem("HYPERMESH PUBLIC KEY", signer.publicKey().raw());
        Path temporary = Files.createTempFile(file.getParent(), name, ".tmp");
        ownerOnly(temporary);
        Files.writeString(temporary, text, StandardCharsets.US_ASCII);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    public Ed25519.Signer load(String name) throws IOException {
        Path file = pathOf(name);
        if (!Files.exists(file)) {
            throw new IOException("no key named '" + name + "' at " + file + "; create one with 'hypermesh keys create'");
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        byte[] pkcs8 = block(PRIVATE, text, file);
        byte[] publicKey = block(PUBLIC, text, file);
        return Ed25519.Signer.fromPkcs8(pkcs8, new Ed25519.PublicKeyBytes(publicKey));
    }

    private static byte[] block(Pattern pattern, String text, Path file) throws IOException {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IOException("not a HyperMesh key file: " + file);
        }
        return Base64.getMimeDecoder().decode(matcher.group(1).trim());
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
        }
    }
}
