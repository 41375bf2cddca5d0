package io.hypermesh.gateway.auth;

import java.util.Locale;

/**
 * Roles a token can carry; {@code client} and {@code host} are self-service, {@code operator} and
 * {@code service} (another HyperMesh service acting under its own key) are granted by configuration.
 */
enum Role {
    CLIENT, HOST, OPERATOR, SERVICE;

    static final String PATTERN = "client|host|operator|service";

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Role fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
