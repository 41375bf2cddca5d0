package io.hypermesh.routing.selection;

import io.hypermesh.routing.matrix.HostIndex;
import io.hypermesh.routing.matrix.HostProfile;
import io.hypermesh.routing.matrix.RankedHost;
import io.hypermesh.routing.matrix.Requirements;
import io.hypermesh.routing.matrix.Strategy;
import io.hypermesh.routing.zone.Coordinate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

@Service
class SelectionService {

    private final HostIndex index;

    SelectionService(HostIndex index) {
        this.index = index;
    }

    SelectionResponse select(SelectionRequest request) {
        Requirements requirements = toRequirements(request);
        Coordinate client = request.clientCoordinate();
        List<RankedHost> ranked = index.select(requirements, client.x(), client.y(), client.z(), request.strategy(), request.k());
        if (ranked.isEmpty()) {
            throw explain(requirements);
        }
        List<SelectionResponse.Selected> selected = new ArrayList<>(ranked.size());
        for (RankedHost candidate : ranked) {
            selected.add(describe(selected.size() + 1, candidate, request.strategy()));
        }
        return new SelectionResponse(request.strategy(), request.k(), ranked.size() == request.k(), selected);
    }

    private static SelectionResponse.Selected describe(int rank, RankedHost candidate, Strategy strategy) {
        HostProfile host = candidate.host();
        var breakdown = new SelectionResponse.Breakdown(
                strategy.latencyWeight() * Strategy.latencyTerm(candidate.distance()),
                strategy.loadWeight() * Strategy.loadTerm(host.loadPermille()),
                strategy.performanceWeight() * Strategy.performanceTerm(host.reputation()));
        return new SelectionResponse.Selected(rank, host.id(), host.zone(), new Coordinate(host.x(), host.y(), host.z()),
                candidate.distance(), candidate.score(), breakdown, host.loadPermille(), host.reputation());
    }

    /**
     * Applies the constraints one after another over every host and names the first that leaves none.
     * A full scan, but only on this failure path, where the client needs to know what to relax.
     */
    private NoEligibleHostsException explain(Requirements requirements) {
        List<HostProfile> remaining = index.snapshot();
        if (remaining.isEmpty()) {
            return new NoEligibleHostsException("none", "The matrix has no hosts at all.");
        }
        for (Requirements.Constraint constraint : Requirements.Constraint.values()) {
            int before = remaining.size();
            remaining = remaining.stream().filter(host -> constraint.admits(requirements, host)).toList();
            if (remaining.isEmpty()) {
                return new NoEligibleHostsException(constraint.name().toLowerCase(),
                        "Constraint '" + constraint.name().toLowerCase() + "' (" + describe(constraint, requirements)
                                + ") left none of the " + before + " hosts that met the constraints before it.");
            }
        }
        throw new IllegalStateException("the index found no host although a scan does: index out of step");
    }

    private static String describe(Requirements.Constraint constraint, Requirements r) {
        return switch (constraint) {
            case RUNTIME -> "runtime " + r.runtime();
            case CPU -> "at least " + r.cpuCores() + " CPU cores";
            case MEMORY -> "at least " + r.memoryMb() + " MB memory";
            case STORAGE -> "at least " + r.storageMb() + " MB storage";
            case GPU -> "GPU " + (r.gpuModel() == null ? "any model" : r.gpuModel()) + " with at least " + r.gpuMemoryMb() + " MB";
            case PRIVACY -> "privacy level " + r.privacyLevel();
            case ZONE -> "zones " + r.allowedZones();
            case EXCLUSION -> "excluding " + r.excludedHosts().size() + " host(s)";
        };
    }

    private static Requirements toRequirements(SelectionRequest request) {
        SelectionRequest.ResourceRequirements needs = request.requirements();
        return new Requirements(needs.runtime(),
                orZero(needs.cpuCores()), orZero(needs.memoryMb()), orZero(needs.storageMb()),
                needs.gpuModel(), orZero(needs.gpuMemoryMb()), request.privacyLevel(),
                request.allowedZones() == null ? Set.of() : request.allowedZones(),
                request.excludedHosts() == null ? Set.of() : request.excludedHosts());
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
