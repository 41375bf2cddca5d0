package io.hypermesh.execution.host;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/hosts")
@Tag(name = "Hosts", description = "Volunteer machines: they join under their own identity, prove they are alive "
        + "with heartbeats, and leave when they want. A host that missed a heartbeat window is SUSPECT (no new work); "
        + "one silent for the heartbeat timeout is OFFLINE (its open work goes to other hosts).")
public class HostController {

    private static final String SIGNED_IN = "hasAnyRole('client', 'host', 'operator', 'service')";

    private final HostService hosts;

    HostController(HostService hosts) {
        this.hosts = hosts;
    }

    @PostMapping
    @PreAuthorize("hasRole('host')")
    @Operation(summary = "Join as a host (host); the host id is the caller's identity, which the public key must derive",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<HostResponse> join(@Valid @RequestBody JoinHostRequest request, @AuthenticationPrincipal Jwt caller) {
        Host host = hosts.join(request, caller.getSubject());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(host.id().value()).toUri();
        return ResponseEntity.created(location).body(HostResponse.of(host));
    }

    @GetMapping("/{id}")
    @PreAuthorize(SIGNED_IN)
    @Operation(summary = "Get one host", security = @SecurityRequirement(name = "bearer"))
    HostResponse get(@PathVariable String id) {
        return HostResponse.of(hosts.get(id));
    }

    @GetMapping
    @PreAuthorize(SIGNED_IN)
    @Operation(summary = "List hosts by id, one page at a time", security = @SecurityRequirement(name = "bearer"))
    HostPage list(
            @RequestParam(required = false) @Pattern(regexp = HostStatus.PATTERN, message = "must be one of " + HostStatus.PATTERN)
            String status,
            @Parameter(description = "Only hosts offering this runtime")
            @RequestParam(required = false) @Pattern(regexp = Runtimes.PATTERN, message = Runtimes.MESSAGE) String runtime,
            @Parameter(description = "The 'next' cursor of the previous page") @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return hosts.list(status == null ? null : HostStatus.valueOf(status), runtime, after, limit);
    }

    @PostMapping("/{id}/heartbeats")
    @PreAuthorize("hasRole('host')")
    @Operation(summary = "Report that the host is alive, with its load (the host itself)",
            security = @SecurityRequirement(name = "bearer"))
    HeartbeatResponse heartbeat(@PathVariable String id, @Valid @RequestBody HeartbeatRequest request,
            @AuthenticationPrincipal Jwt caller) {
        Host host = hosts.heartbeat(id, request, caller.getSubject());
        return new HeartbeatResponse(host.id().value(), host.status(), host.lastHeartbeatAt(), hosts.heartbeatTimeoutSeconds());
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAnyRole('host', 'operator')")
    @Operation(summary = "Leave the network (the host itself, or an operator); repeating it changes nothing",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<Void> leave(@PathVariable String id, Authentication authentication) {
        boolean operator = authentication.getAuthorities().stream().anyMatch(a -> "ROLE_operator".equals(a.getAuthority()));
        hosts.leave(id, authentication.getName(), operator);
        return ResponseEntity.noContent().build();
    }
}
