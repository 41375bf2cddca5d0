package io.hypermesh.routing.matrix;

import java.util.Set;

/**
 * The hard constraints of a selection. A host qualifies when it has the runtime, at least the CPU,
 * memory, storage and GPU memory asked for, the GPU model if one is named, honours the privacy level,
 * sits in an allowed zone (any zone when none are listed) and is not excluded.
 */
public record Requirements(
        String runtime,
        int cpuCores,
        long memoryMb,
        long storageMb,
        String gpuModel,
        long gpuMemoryMb,
        PrivacyLevel privacyLevel,
        Set<String> allowedZones,
        Set<String> excludedHosts) {

    public Requirements {
        allowedZones = Set.copyOf(allowedZones);
        excludedHosts = Set.copyOf(excludedHosts);
    }

    /** Each constraint in the order a failed selection reports the first one that left no host. */
    public enum Constraint {
        RUNTIME, CPU, MEMORY, STORAGE, GPU, PRIVACY, ZONE, EXCLUSION;

        public boolean admits(Requirements r, HostProfile host) {
            return switch (this) {
                case RUNTIME -> host.runtimes().contains(r.runtime());
                case CPU -> host.cpuCores() >= r.cpuCores();
                case MEMORY -> host.memoryMb() >= r.memoryMb();
                case STORAGE -> host.storageMb() >= r.storageMb();
                case GPU -> host.gpuMemoryMb() >= r.gpuMemoryMb()
                        && (r.gpuModel() == null || r.gpuModel().equals(host.gpuModel()));
                case PRIVACY -> host.honours(r.privacyLevel());
                case ZONE -> r.allowedZones().isEmpty() || r.allowedZones().contains(host.zone());
                case EXCLUSION -> !r.excludedHosts().contains(host.id());
            };
        }
    }

    public boolean admits(HostProfile host) {
        for (Constraint constraint : Constraint.values()) {
            if (!constraint.admits(this, host)) {
                return false;
            }
        }
        return true;
    }
}
