package io.hypermesh.payment.pricing;

/** The privacy levels of an asset (as in registry-service); each has a price multiplier. */
enum PrivacyLevel {
    PRIVATE, PRIVATE_NETWORK, P2P, PUBLIC_NETWORK, FULL_PUBLIC;

    static final String PATTERN = "PRIVATE|PRIVATE_NETWORK|P2P|PUBLIC_NETWORK|FULL_PUBLIC";
    static final String MESSAGE = "must be one of PRIVATE, PRIVATE_NETWORK, P2P, PUBLIC_NETWORK, FULL_PUBLIC";
}
