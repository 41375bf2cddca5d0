package io.hypermesh.execution.host;

/** The privacy levels of assets; a host lists those it is equipped to honour. */
final class PrivacyLevels {

    static final String PATTERN = "PRIVATE|PRIVATE_NETWORK|P2P|PUBLIC_NETWORK|FULL_PUBLIC";
    static final String MESSAGE = "must be one of PRIVATE, PRIVATE_NETWORK, P2P, PUBLIC_NETWORK, FULL_PUBLIC";

    private PrivacyLevels() {
    }
}
