package io.hypermesh.cli;

import io.hypermesh.protocol.GatewaySignIn;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "login", mixinStandardHelpOptions = true,
        description = "Sign in with your key: the gateway sends a challenge, the key signs it, the gateway returns a bearer token.")
class LoginCommand implements Callable<Integer> {

    @Mixin
    SignInOptions signIn;

    @Option(names = "--role", description = "Role to ask for: client, host or operator (repeatable; default: client).")
    List<String> roles = List.of();

    @Option(names = "--print-token", description = "Print only the token, e.g. TOKEN=$(hypermesh login --print-token).")
    boolean printTokenOnly;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        KeyStore keys = signIn.keyStore();
        GatewaySignIn.Token token = new GatewaySignIn(signIn.gatewayAddress()).signIn(signIn.signer(), roles);

        Path file = keys.home().resolve("token");
        Files.createDirectories(keys.home());
        Files.writeString(file, token.accessToken() + "\n", StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        PrintWriter out = spec.commandLine().getOut();
        if (printTokenOnly) {
            out.println(token.accessToken());
        } else {
            // The token is a credential: shown only when asked for (--print-token), so it stays out of terminal logs.
            out.printf("Signed in as %s with roles %s; the token is valid for %d s and saved in %s%n",
                    token.identity(), token.roles(), token.expiresInSeconds(), file);
        }
        return 0;
    }
}
