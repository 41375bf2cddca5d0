package io.hypermesh.registry.network;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

@Service
class NetworkService {

    private final NetworkRepository networks;
    private final Clock clock;

    NetworkService(NetworkRepository networks, Clock clock) {
        this.networks = networks;
        this.clock = clock;
    }

    Network create(String owner, String name) {
        UUID id = UUID.randomUUID();
        if (!networks.insert(id, owner, name, clock.instant().truncatedTo(ChronoUnit.MICROS))) {
            throw new NetworkNameTakenException(name);
        }
        return get(id.toString(), owner);
    }

    Network get(String id, String owner) {
        return parse(id).flatMap(uuid -> networks.findOwned(uuid, owner)).orElseThrow(() -> new NetworkNotFoundException(id));
    }

    List<Network> owned(String owner) {
        return networks.findAllOwned(owner);
    }

    /** Idempotent: adding a member twice leaves one membership. */
    Network addMember(String id, String owner, String member) {
        Network network = get(id, owner);
        networks.addMember(network.id(), member, clock.instant().truncatedTo(ChronoUnit.MICROS));
        return get(id, owner);
    }

    /** Idempotent: removing someone who is not a member changes nothing. */
    Network removeMember(String id, String owner, String member) {
        Network network = get(id, owner);
        networks.removeMember(network.id(), member);
        return get(id, owner);
    }

    private static Optional<UUID> parse(String id) {
        try {
            UUID uuid = UUID.fromString(id);
            return uuid.toString().equalsIgnoreCase(id) ? Optional.of(uuid) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
