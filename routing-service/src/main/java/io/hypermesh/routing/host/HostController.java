package io.hypermesh.routing.host;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/routing/hosts")
@Tag(name = "Matrix hosts", description = "Host positions, capabilities and load, written by execution-service "
        + "(role service) or an operator as hosts join, heartbeat, measure round-trip times and leave.")
public class HostController {

    private final HostService hosts;

    HostController(HostService hosts) {
        this.hosts = hosts;
    }

    @PutMapping("/{hostId}")
    @PreAuthorize("hasAnyRole('service', 'operator')")
    @Operation(summary = "Place or update a host (capabilities, zone, optional starting coordinate)",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<HostResponse> upsert(@PathVariable String hostId, @Valid @RequestBody UpsertHostRequest request) {
        var stored = hosts.upsert(hostId, request);
        return stored.version() == 1
                ? ResponseEntity.status(201).body(HostResponse.of(stored))
                : ResponseEntity.ok(HostResponse.of(stored));
    }

    @PutMapping("/{hostId}/load")
    @PreAuthorize("hasAnyRole('service', 'operator')")
    @Operation(summary = "Record a heartbeat's load (and a reputation change)", security = @SecurityRequirement(name = "bearer"))
    HostResponse reportLoad(@PathVariable String hostId, @Valid @RequestBody LoadReport report) {
        return HostResponse.of(hosts.reportLoad(hostId, report));
    }

    @PostMapping("/{hostId}/rtt-samples")
    @PreAuthorize("hasAnyRole('service', 'operator')")
    @Operation(summary = "Record a round-trip time to a peer; the host's coordinate takes one Vivaldi step",
            security = @SecurityRequirement(name = "bearer"))
    HostResponse recordRtt(@PathVariable String hostId, @Valid @RequestBody RttSample sample) {
        return HostResponse.of(hosts.recordRtt(hostId, sample));
    }

    @DeleteMapping("/{hostId}")
    @PreAuthorize("hasAnyRole('service', 'operator')")
    @Operation(summary = "Take a host out of the matrix", security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<Void> remove(@PathVariable String hostId) {
        hosts.remove(hostId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{hostId}")
    @Operation(summary = "A host's position, capabilities and load", security = @SecurityRequirement(name = "bearer"))
    HostResponse get(@PathVariable String hostId) {
        return HostResponse.of(hosts.get(hostId));
    }
}
