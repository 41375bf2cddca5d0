package io.hypermesh.routing.matrix;

import java.util.Set;

/**
 * Everything the router knows about one host: where it sits in the coordinate space (and how sure the
 * Vivaldi estimate is), what it can run, and how busy and trusted it is. Immutable; a change is a new
 * profile with a higher {@code version}.
 */
public record HostProfile(
        String id,
        String zone,
        double x, double y, double z,
        double coordinateError,
        Set<String> runtimes,
        int cpuCores,
        long memoryMb,
        long storageMb,
        String gpuModel,
        long gpuMemoryMb,
        int privacyLevels,
        int loadPermille,
        int reputation,
        long version) {

    public static final int MAX_REPUTATION = 1000;
    public static final int MAX_LOAD = 1000;

    public HostProfile {
        runtimes = Set.copyOf(runtimes);
    }

    public boolean honours(PrivacyLevel level) {
        return (privacyLevels & level.bit()) != 0;
    }

    public double distanceTo(double px, double py, double pz) {
        double dx = x - px;
        double dy = y - py;
        double dz = z - pz;
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
