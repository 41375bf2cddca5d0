package io.hypermesh.routing.matrix;

/** The five privacy levels of the seed, most private first. A host advertises the levels it can honour. */
public enum PrivacyLevel {
    PRIVATE, PRIVATE_NETWORK, P2P, PUBLIC_NETWORK, FULL_PUBLIC;

    public int bit() {
        return 1 << ordinal();
    }
}
