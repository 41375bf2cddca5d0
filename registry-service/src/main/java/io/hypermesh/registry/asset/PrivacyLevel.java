package io.hypermesh.registry.asset;

/**
 * Who may see an asset. PRIVATE_NETWORK needs the network and membership model of a later step;
 * until it exists, such an asset is visible to its owner only (the safe side of the rule).
 */
enum PrivacyLevel {
    PRIVATE(false),
    PRIVATE_NETWORK(false),
    P2P(true),
    PUBLIC_NETWORK(true),
    FULL_PUBLIC(true);

    /** The regular expression Bean Validation checks request fields against. */
    static final String PATTERN = "PRIVATE|PRIVATE_NETWORK|P2P|PUBLIC_NETWORK|FULL_PUBLIC";

    private final boolean visibleToAnySignedInIdentity;

    PrivacyLevel(boolean visibleToAnySignedInIdentity) {
        this.visibleToAnySignedInIdentity = visibleToAnySignedInIdentity;
    }

    boolean visibleToAnySignedInIdentity() {
        return visibleToAnySignedInIdentity;
    }
}
