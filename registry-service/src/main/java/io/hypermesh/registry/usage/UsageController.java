package io.hypermesh.registry.usage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Usage", description = "Execution outcomes reported by execution-service, summed per asset and per version. "
        + "The statistics are visible to whoever may see the asset.")
public class UsageController {

    private static final String SIGNED_IN = "hasAnyRole('client', 'host', 'operator', 'service')";

    private final UsageService usage;

    UsageController(UsageService usage) {
        this.usage = usage;
    }

    @PostMapping("/api/v1/registry/executions")
    @PreAuthorize("hasRole('service')")
    @Operation(summary = "Report a finished execution (execution-service); idempotent by executionId: 201 the first time, "
            + "200 for the same report again, 409 for a different one", security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<Void> report(@Valid @RequestBody ExecutionReportRequest report) {
        return ResponseEntity.status(usage.report(report) ? HttpStatus.CREATED : HttpStatus.OK).build();
    }

    @GetMapping("/api/v1/registry/assets/{id}/usage")
    @PreAuthorize(SIGNED_IN)
    @Operation(summary = "Usage of an asset: executions, success rate and mean duration, in total and per version",
            security = @SecurityRequirement(name = "bearer"))
    UsageResponse ofAsset(@PathVariable String id, @AuthenticationPrincipal Jwt caller) {
        return usage.ofAsset(id, caller);
    }

    @GetMapping("/api/v1/registry/assets/{id}/versions/{version}/usage")
    @PreAuthorize(SIGNED_IN)
    @Operation(summary = "Usage of one version of an asset", security = @SecurityRequirement(name = "bearer"))
    UsageResponse ofVersion(@PathVariable String id, @PathVariable @Min(1) int version, @AuthenticationPrincipal Jwt caller) {
        return usage.ofVersion(id, version, caller);
    }
}
