package io.hypermesh.cli;

import io.hypermesh.protocol.Ed25519;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where to sign in and with which key: the options every command that talks to the gateway as you shares. */
final class SignInOptions {

    @Option(names = "--gateway", description = "Gateway address (default: $HYPERMESH_GATEWAY or http://localhost:8080).")
    URI gateway;

    @Option(names = "--key", defaultValue = "default", description = "Key name (default: ${DEFAULT-VALUE}).")
    String key;

    @Option(names = "--home", description = "Directory for keys and tokens (default: $HYPERMESH_HOME or ~/.hypermesh).")
    Path home;

    KeyStore keyStore() {
        return new KeyStore(home == null ? KeyStore.defaultHome() : home);
    }

    Ed25519.Signer signer() throws IOException {
        return keyStore().load(key);
    }

    URI gatewayAddress() {
        return gateway != null ? gateway : URI.create(System.getenv().getOrDefault("HYPERMESH_GATEWAY", "http://localhost:8080"));
    }
}
