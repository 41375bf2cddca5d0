package io.hypermesh.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "hypermesh", mixinStandardHelpOptions = true, version = "hypermesh 0.1.0",
        description = "HyperMesh Compute from the command line: keys, sign-in, deploying and running assets, and offline ledger verification.",
        subcommands = {KeysCommand.class, LoginCommand.class, DeployCommand.class, RunCommand.class, ExecutionsCommand.class,
                VerifyCommand.class, VerifyInclusionCommand.class})
public class HypermeshCli {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command tree; failures print one line naming what went wrong, not a stack trace. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new HypermeshCli());
        // "@file" is ours (run --input @file), not picocli's argument files.
        commandLine.setExpandAtFiles(false);
        commandLine.setExecutionExceptionHandler((exception, command, parseResult) -> {
            String message = exception.getMessage() == null ? exception.getClass().getSimpleName() : exception.getMessage();
            command.getErr().println("error: " + message);
            return 1;
        });
        return commandLine;
    }
}
