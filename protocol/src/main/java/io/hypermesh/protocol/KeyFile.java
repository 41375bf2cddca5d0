package io.hypermesh.protocol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Ed25519 key on disk: the PKCS#8 private key and the raw public key, both PEM-armoured, in one file
 * readable by its owner only. People's keys (the CLI's key store) and services' own keys use the same format,
 * so {@code hypermesh keys create} makes a key a service can run with.
 */
public final class KeyFile {

    private static final Pattern PRIVATE = Pattern.compile("-----BEGIN PRIVATE KEY-----(.*?)-----END PRIVATE KEY-----", Pattern.DOTALL);
    private static final Pattern PUBLIC = Pattern.compile("-----BEGIN HYPERMESH PUBLIC KEY-----(.*?)-----END HYPERMESH PUBLIC KEY-----", Pattern.DOTALL);

    private KeyFile() {
    }

    /** Writes {@code signer} to {@code file} atomically (a reader never sees half a key), owner-readable only. */
    public static void write(Path file, Ed25519.Signer signer) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        String text = pem("PRIVATE KEY", signer.privateKeyPkcs8()) + pem("HYPERMESH PUBLIC KEY", signer.publicKey().raw());
        Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
        ownerOnly(temporary);
        Files.writeString(temporary, text, StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static Ed25519.Signer read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        byte[] pkcs8 = block(PRIVATE, text, file);
        byte[] publicKey = block(PUBLIC, text, file);
        try {
            return Ed25519.Signer.fromPkcs8(pkcs8, new Ed25519.PublicKeyBytes(publicKey));
        } catch (IllegalArgumentException e) {
            throw new IOException("not a usable HyperMesh key file: " + file + " (" + e.getMessage() + ")", e);
        }
    }

    /** Reads the key at {@code file}, first creating a new one there if there is none (a service's first start). */
    public static Ed25519.Signer readOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            write(file, Ed25519.generate());
        }
        return read(file);
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
