package io.hypermesh.registry.network;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A named group of identities; its members see its owner's PRIVATE_NETWORK assets. */
record Network(UUID id, String owner, String name, List<String> members, Instant createdAt) {

    Network {
        members = List.copyOf(members);
    }
}
