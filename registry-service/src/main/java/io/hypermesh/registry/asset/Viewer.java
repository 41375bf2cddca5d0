package io.hypermesh.registry.asset;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Who is asking: the signed-in identity, whether its token carries the host role, and the owners
 * whose networks it belongs to (which opens their PRIVATE_NETWORK assets). Operators get nothing extra.
 */
record Viewer(String identity, boolean host, Set<String> networkOwners) {

    Viewer {
        networkOwners = Set.copyOf(networkOwners);
    }

    boolean canSee(String owner, PrivacyLevel privacy) {
        return identity.equals(owner)
                || privacy.visibleToAnySignedInIdentity()
                || (privacy == PrivacyLevel.PRIVATE_NETWORK && networkOwners.contains(owner));
    }

    boolean canReadCode(String owner, PrivacyLevel privacy) {
        if (identity.equals(owner)) {
            return true;
        }
        boolean member = networkOwners.contains(owner);
        return switch (privacy) {
            case PRIVATE -> false;
            case PRIVATE_NETWORK -> member;
            case P2P -> host;
            case PUBLIC_NETWORK -> host || member;
            case FULL_PUBLIC -> true;
        };
    }

    boolean canSee(Asset asset) {
        return canSee(asset.owner(), asset.content().privacy());
    }

    /** The caller plus the owners of its networks: whose PRIVATE_NETWORK assets it sees. */
    String[] privateNetworkOwners() {
        return Stream.concat(networkOwners.stream(), Stream.of(identity))
                .distinct().toArray(String[]::new);
    }

    static Viewer of(String identity, List<String> roles, Set<String> networkOwners) {
        return new Viewer(identity, roles != null && roles.contains("host"), networkOwners);
    }
}
