package io.hypermesh.cli;

import picocli.CommandLine.Option;

/** Where the proof of space says you are and how hard the proof of work is: the options of every command that proves. */
final class ProofOptions {

    @Option(names = "--zone", required = true, description = "Your zone, named by the proof of space (a routing zone).")
    String zone;

    @Option(names = "--at", required = true, split = ",", arity = "1", paramLabel = "X,Y,Z",
            description = "Your network coordinate inside the zone, e.g. --at 12.5,-3,40.")
    double[] at;

    @Option(names = "--difficulty", defaultValue = "8",
            description = "Leading zero bits of the proof of work; the ledger's HYPERMESH_LEDGER_DEFAULT_DIFFICULTY (default: ${DEFAULT-VALUE}).")
    int difficulty;

    /** The coordinate, once it is known to have three numbers. */
    double[] coordinate() {
        if (at.length != 3) {
            throw new IllegalArgumentException("--at needs three numbers X,Y,Z, got " + at.length);
        }
        return at;
    }
}
