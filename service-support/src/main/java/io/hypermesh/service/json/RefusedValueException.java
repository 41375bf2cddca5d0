package io.hypermesh.service.json;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value that parsed but is refused on purpose (a NUL character, a non-finite number); its reason is
 * written for the client and goes out as the field error's message.
 */
public class RefusedValueException extends MismatchedInputException {

    private final String where;
    private final String reason;

    RefusedValueException(JsonParser parser, String where, String reason) {
        super(parser, reason);
        this.where = where;
        this.reason = reason;
    }

    /** The position inside the value (for a tree: {@code .a[2].b}), empty for a scalar. */
    public String where() {
        return where;
    }

    public String reason() {
        return reason;
    }
}
