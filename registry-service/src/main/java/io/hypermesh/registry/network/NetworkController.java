package io.hypermesh.registry.network;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/registry/networks")
@PreAuthorize("hasRole('client')")
@Tag(name = "Networks", description = "An owner's networks: their members see the owner's PRIVATE_NETWORK assets (and read "
        + "the code of its PUBLIC_NETWORK ones). Only the owner sees a network; to anyone else it answers 404.")
public class NetworkController {

    private static final String IDENTITY = "hm1[a-z2-7]{32}";

    private final NetworkService networks;

    NetworkController(NetworkService networks) {
        this.networks = networks;
    }

    @PostMapping
    @Operation(summary = "Create a network you own (client)", security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<Network> create(@Valid @RequestBody NetworkRequest request, @AuthenticationPrincipal Jwt caller) {
        Network network = networks.create(caller.getSubject(), request.name());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(network.id()).toUri();
        return ResponseEntity.created(location).body(network);
    }

    @GetMapping
    @Operation(summary = "The networks you own, with their members", security = @SecurityRequirement(name = "bearer"))
    List<Network> owned(@AuthenticationPrincipal Jwt caller) {
        return networks.owned(caller.getSubject());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One network you own", security = @SecurityRequirement(name = "bearer"))
    Network get(@PathVariable String id, @AuthenticationPrincipal Jwt caller) {
        return networks.get(id, caller.getSubject());
    }

    @PutMapping("/{id}/members/{identity}")
    @Operation(summary = "Add a member (idempotent)", security = @SecurityRequirement(name = "bearer"))
    Network addMember(@PathVariable String id,
            @PathVariable @Pattern(regexp = IDENTITY, message = "must be an identity (hm1...)") String identity,
            @AuthenticationPrincipal Jwt caller) {
        return networks.addMember(id, caller.getSubject(), identity);
    }

    @DeleteMapping("/{id}/members/{identity}")
    @Operation(summary = "Remove a member (idempotent)", security = @SecurityRequirement(name = "bearer"))
    Network removeMember(@PathVariable String id,
            @PathVariable @Pattern(regexp = IDENTITY, message = "must be an identity (hm1...)") String identity,
            @AuthenticationPrincipal Jwt caller) {
        return networks.removeMember(id, caller.getSubject(), identity);
    }
}
