package io.hypermesh.routing.host;

import io.hypermesh.routing.matrix.HostProfile;
import io.hypermesh.routing.matrix.PrivacyLevel;

import io.hypermesh.routing.zone.Coordinate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

record HostResponse(String id, String zone, Coordinate coordinate, double coordinateError, Set<String> runtimes,
                    int cpuCores, long memoryMb, long storageMb, String gpuModel, long gpuMemoryMb,
                    List<PrivacyLevel> privacyLevels, int loadPermille, int reputation, long version) {

    static HostResponse of(HostProfile host) {
        return new HostResponse(host.id(), host.zone(), new Coordinate(host.x(), host.y(), host.z()), host.coordinateError(),
                new TreeSet<>(host.runtimes()), host.cpuCores(), host.memoryMb(), host.storageMb(), host.gpuModel(),
                host.gpuMemoryMb(), Arrays.stream(PrivacyLevel.values()).filter(host::honours).toList(),
                host.loadPermille(), host.reputation(), host.version());
    }
}
