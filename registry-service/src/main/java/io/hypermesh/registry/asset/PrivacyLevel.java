package io.hypermesh.registry.asset;

/**
 * Who may see an asset, and who may read its code (see the README's table). Seeing means its
 * metadata, versions, dependency graph and usage; to everyone else it does not exist (404).
 * <ul>
 *   <li>PRIVATE: the owner only, for everything.</li>
 *   <li>PRIVATE_NETWORK: the owner and the members of the owner's networks, code included.</li>
 *   <li>P2P: any signed-in identity sees it; the code only the owner and hosts (who run it peer to peer).</li>
 *   <li>PUBLIC_NETWORK: any signed-in identity sees it; the code the owner, hosts and the owner's network members.</li>
 *   <li>FULL_PUBLIC: any signed-in identity sees it and reads its code.</li>
 * </ul>
 */
enum PrivacyLevel {
    PRIVATE,
    PRIVATE_NETWORK,
    P2P,
    PUBLIC_NETWORK,
    FULL_PUBLIC;

    /** The regular expression Bean Validation checks request fields against. */
    static final String PATTERN = "PRIVATE|PRIVATE_NETWORK|P2P|PUBLIC_NETWORK|FULL_PUBLIC";

    /** The levels any signed-in identity sees, as an SQL list. */
    static final String PUBLIC_LEVELS_SQL = "('P2P', 'PUBLIC_NETWORK', 'FULL_PUBLIC')";

    boolean visibleToAnySignedInIdentity() {
        return this == P2P || this == PUBLIC_NETWORK || this == FULL_PUBLIC;
    }
}
