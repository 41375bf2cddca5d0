package io.hypermesh.execution.host;

import io.hypermesh.protocol.Identity;
import java.util.Optional;

/** A host is known by its actor identity ({@code hm1...}): the key that signs its heartbeats and results. */
record HostId(String value) {

    HostId {
        if (!Identity.isValid(value)) {
            throw new IllegalArgumentException("a host id is an identity (hm1...)");
        }
    }

    /** Empty when the text is not an identity: no such host can exist. */
    static Optional<HostId> parse(String text) {
        return Identity.isValid(text) ? Optional.of(new HostId(text)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
