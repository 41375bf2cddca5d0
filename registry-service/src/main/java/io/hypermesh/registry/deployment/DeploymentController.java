package io.hypermesh.registry.deployment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/registry/assets/{id}/versions/{version}")
@Tag(name = "Deployments", description = "Deploying a draft version onto the ledger: fetch the operation, make a consensus "
        + "proof over it with the owner's key (`hypermesh deploy` does both), send the proof. The version becomes DEPLOYED "
        + "only once the ledger has appended its DEPLOYMENT block.")
class DeploymentController {

    private static final String PROBLEM = "application/problem+json";

    private final DeploymentService deployments;

    DeploymentController(DeploymentService deployments) {
        this.deployments = deployments;
    }

    @GetMapping("/deployment-operation")
    @PreAuthorize("hasRole('client')")
    @Operation(summary = "The DEPLOYMENT operation to sign for a draft version (owner only)",
            description = "Its RFC 8785 canonical form is what the proof's signature and work commit to. It names the code "
                    + "digest, runtime, entrypoint, requirements, privacy and allowed zones of the version as it is now.",
            security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "200", description = "The operation")
    @ApiResponse(responseCode = "409", description = "asset-not-draft: the version is deployed or retired",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    DeploymentOperationResponse operation(@PathVariable String id, @PathVariable int version, @AuthenticationPrincipal Jwt caller) {
        return deployments.operation(id, version, caller);
    }

    @PostMapping("/deployment")
    @PreAuthorize("hasRole('client')")
    @Operation(summary = "Deploy a draft version with the owner's consensus proof (owner only)",
            description = "The registry asks ledger-service to append a DEPLOYMENT block with this proof, under the registry's "
                    + "own service identity, and records the block on the version. A retry with the same Idempotency-Key "
                    + "resends the first attempt's proof and answers 200 with the same block; the ledger never gets a second one. "
                    + "With the ledger unreachable the answer is 503 and the version stays a draft.",
            security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "201", description = "Deployed: the version and its ledger block")
    @ApiResponse(responseCode = "200", description = "A retry of a finished deployment: the same block")
    @ApiResponse(responseCode = "409", description = "asset-not-draft, version-already-deployed (another Idempotency-Key), "
            + "or deployment-in-progress (another request is deploying it; retry)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    @ApiResponse(responseCode = "422", description = "deployment-author-not-owner, or deployment-proof-rejected (the ledger's "
            + "own problem in ledgerProblem: a proof part failed, was replayed or is stale; make a new proof)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    @ApiResponse(responseCode = "503", description = "ledger-unavailable (retry with the same Idempotency-Key) or "
            + "deployment-unavailable (this registry is not configured to reach the ledger)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    ResponseEntity<DeploymentResponse> deploy(@PathVariable String id, @PathVariable int version,
            @Valid @RequestBody DeployRequest request,
            @Parameter(description = "1-200 visible ASCII characters; the same for every retry of this deployment")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @AuthenticationPrincipal Jwt caller) {
        DeploymentService.Outcome outcome = deployments.deploy(id, version, caller, idempotencyKey, request.proof());
        if (!outcome.created()) {
            return ResponseEntity.ok(outcome.deployment());
        }
        URI versionLocation = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/registry/assets/{id}/versions/{version}").buildAndExpand(id, version).toUri();
        return ResponseEntity.status(HttpStatus.CREATED).location(versionLocation).body(outcome.deployment());
    }
}
