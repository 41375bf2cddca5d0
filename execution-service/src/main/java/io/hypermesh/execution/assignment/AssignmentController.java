package io.hypermesh.execution.assignment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

@RestController
@Tag(name = "Assignments", description = "The host's side of an execution: poll for offers (a long-poll: no inbound port "
        + "needed), lease one, fetch what to run, report the signed result before the lease ends. Only the assigned "
        + "host sees an assignment; a report after the lease ended is refused (409) and the work goes to another host.")
public class AssignmentController {

    private final AssignmentService assignments;

    AssignmentController(AssignmentService assignments) {
        this.assignments = assignments;
    }

    @GetMapping("/api/v1/hosts/{hostId}/assignments")
    @PreAuthorize("hasRole('host')")
    @Operation(summary = "Assignments offered to this host (the host itself); waits up to 'wait' seconds for one",
            security = @SecurityRequirement(name = "bearer"))
    DeferredResult<OfferView> offers(@PathVariable String hostId,
            @Parameter(description = "Seconds to wait when nothing is offered yet (0: answer at once)")
            @RequestParam(defaultValue = "30") @Min(0) @Max(60) int wait, @AuthenticationPrincipal Jwt caller) {
        return assignments.offers(hostId, caller.getSubject(), wait);
    }

    @PostMapping("/api/v1/assignments/{id}/lease")
    @PreAuthorize("hasRole('host')")
    @Operation(summary = "Take an offered assignment (its host): it is yours until the lease ends (the asset's "
            + "maxRuntimeSeconds plus a grace); repeating it changes nothing", security = @SecurityRequirement(name = "bearer"))
    AssignmentView lease(@PathVariable UUID id, @AuthenticationPrincipal Jwt caller) {
        return assignments.lease(id, caller.getSubject());
    }

    @GetMapping("/api/v1/assignments/{id}/work")
    @PreAuthorize("hasRole('host')")
    @Operation(summary = "What to run for a leased assignment (its host): code, entrypoint, input, parameters, limits",
            security = @SecurityRequirement(name = "bearer"))
    WorkResponse work(@PathVariable UUID id, @AuthenticationPrincipal Jwt caller) {
        return assignments.work(id, caller.getSubject());
    }

    @PostMapping("/api/v1/assignments/{id}/result")
    @PreAuthorize("hasRole('host')")
    @Operation(summary = "Report the signed result, or that the host could not run it (its host, while leased)",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<AssignmentView> report(@PathVariable UUID id, @Valid @RequestBody ReportRequest request,
            @AuthenticationPrincipal Jwt caller) {
        return ResponseEntity.ok(assignments.report(id, caller.getSubject(), request));
    }
}
