package io.hypermesh.registry.asset;

/**
 * The runtimes an asset may target. A runtime is a plain lowercase name on the wire and in the
 * database (not a Java enum) so that adding one is this list plus a migration of the check constraint.
 */
final class Runtimes {

    static final String PATTERN = "python|javascript|julia|wasm";
    static final String MESSAGE = "must be one of python, javascript, julia, wasm";

    private Runtimes() {
    }
}
