package io.hypermesh.cli;

import io.hypermesh.protocol.Ed25519;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "keys", description = "Create and show Ed25519 keys; your identity is derived from the public key.",
        subcommands = {KeysCommand.Create.class, KeysCommand.Show.class}, mixinStandardHelpOptions = true)
class KeysCommand {

    @Command(name = "create", description = "Create a new key pair and print its identity.", mixinStandardHelpOptions = true)
    static class Create implements Callable<Integer> {

        @Option(names = "--name", defaultValue = "default", description = "Key name (default: ${DEFAULT-VALUE}).")
        String name;

        @Option(names = "--force", description = "Replace an existing key of the same name (its identity is lost).")
        boolean force;

        @Option(names = "--home", description = "Directory for keys and tokens (default: $HYPERMESH_HOME or ~/.hypermesh).")
        Path home;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Ed25519.Signer signer = Ed25519.generate();
            Path file = new KeyStore(home == null ? KeyStore.defaultHome() : home).save(name, signer, force);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Created key '%s' at %s%n", name, file);
            out.printf("identity:   %s%n", signer.identity());
            out.printf("public key: %s%n", signer.publicKey().toBase64Url());
            return 0;
        }
    }

    @Command(name = "show", description = "Print a key's identity and public key.", mixinStandardHelpOptions = true)
    static class Show implements Callable<Integer> {

        @Option(names = "--name", defaultValue = "default", description = "Key name (default: ${DEFAULT-VALUE}).")
        String name;

        @Option(names = "--home", description = "Directory for keys and tokens (default: $HYPERMESH_HOME or ~/.hypermesh).")
        Path home;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Ed25519.Signer signer = new KeyStore(home == null ? KeyStore.defaultHome() : home).load(name);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("identity:   %s%n", signer.identity());
            out.printf("public key: %s%n", signer.publicKey().toBase64Url());
            return 0;
        }
    }
}
