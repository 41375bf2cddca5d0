package io.hypermesh.routing.zone;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/routing/zones")
@Tag(name = "Zones", description = "Named regions of the 3D coordinate space. Operators create them; anyone may read them.")
public class ZoneController {

    private final ZoneService zones;

    ZoneController(ZoneService zones) {
        this.zones = zones;
    }

    @PostMapping
    @PreAuthorize("hasRole('operator')")
    @Operation(summary = "Create a zone (operator)", security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<ZoneResponse> create(@Valid @RequestBody CreateZoneRequest request, @AuthenticationPrincipal Jwt caller) {
        Zone zone = zones.create(request, caller.getSubject());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{name}").buildAndExpand(zone.name()).toUri();
        return ResponseEntity.created(location).body(ZoneResponse.of(zone));
    }

    @GetMapping
    @Operation(summary = "List all zones, by name")
    List<ZoneResponse> list() {
        return zones.list().stream().map(ZoneResponse::of).toList();
    }

    @GetMapping("/{name}")
    @Operation(summary = "Get one zone")
    ZoneResponse get(@PathVariable String name) {
        return ZoneResponse.of(zones.get(name));
    }
}
