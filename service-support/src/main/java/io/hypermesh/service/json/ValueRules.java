package io.hypermesh.service.json;

/** The wording of the value rules every service applies, for the field errors that cite them. */
public final class ValueRules {

    public static final String NUL = "must not contain the NUL character (U+0000)";
    public static final String NON_FINITE = "must be a finite number";

    private ValueRules() {
    }
}
