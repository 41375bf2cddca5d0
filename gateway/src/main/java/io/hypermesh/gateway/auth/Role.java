package io.hypermesh.gateway.auth;

import java.util.Locale;

/** Roles a token can carry; {@code client} and {@code host} are self-service, {@code operator} is granted by configuration. */
enum Role {
    CLIENT, HOST, OPERATOR;

    static final String PATTERN = "client|host|operator";

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Role fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    boolean selfService() {
        return this != OPERATOR;
    }
}
