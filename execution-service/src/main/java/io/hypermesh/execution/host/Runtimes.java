package io.hypermesh.execution.host;

/** Runtimes a host may offer; the same names the registry uses for assets. */
final class Runtimes {

    static final String PATTERN = "python|javascript|julia|wasm";
    static final String MESSAGE = "must be one of python, javascript, julia, wasm";

    private Runtimes() {
    }
}
