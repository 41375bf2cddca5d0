package io.hypermesh.execution.reputation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Hosts")
public class ReputationController {

    private final Reputation reputation;

    ReputationController(Reputation reputation) {
        this.reputation = reputation;
    }

    @GetMapping("/api/v1/hosts/{id}/reputation")
    @PreAuthorize("hasAnyRole('client', 'host', 'operator', 'service')")
    @Operation(summary = "A host's reputation: 1000·(good+1)/(good+bad+2) over decayed counts of its results "
            + "(agreed with the majority: good; disagreed, lost a lease, late: bad); 500 for a newcomer; routing "
            + "ranks by it", security = @SecurityRequirement(name = "bearer"))
    Reputation.Standing reputation(@PathVariable String id) {
        return reputation.of(id);
    }
}
