package io.hypermesh.registry.asset;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/registry/assets")
@Tag(name = "Assets", description = "Compute assets: code plus what it needs to run, in immutable versions. Clients create "
        + "and edit drafts; who may read one depends on its privacy level, and an asset you may not see answers 404.")
public class AssetController {

    private static final String SIGNED_IN = "hasAnyRole('client', 'host', 'operator', 'service')";
    private static final String TAG = "[a-z0-9][a-z0-9-]{0,31}";

    private final AssetService assets;

    AssetController(AssetService assets) {
        this.assets = assets;
    }

    @PostMapping
    @PreAuthorize("hasRole('client')")
    @Operation(summary = "Create an asset as version 1, a draft (client); the caller becomes its owner",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<AssetResponse> create(@Valid @RequestBody AssetDraftRequest request, @AuthenticationPrincipal Jwt caller) {
        Viewer owner = assets.viewer(caller);
        Asset asset = assets.create(request, owner);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(asset.id()).toUri();
        return ResponseEntity.created(location).eTag(asset.etag()).body(AssetResponse.of(asset, owner));
    }

    @GetMapping("/{id}")
    @PreAuthorize(SIGNED_IN)
    @Operation(summary = "Get an asset's latest version, with its ETag", security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<AssetResponse> get(@PathVariable String id, @AuthenticationPrincipal Jwt caller) {
        Viewer viewer = assets.viewer(caller);
        Asset asset = assets.get(id, viewer);
        return ResponseEntity.ok().eTag(asset.etag()).body(AssetResponse.of(asset, viewer));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('client')")
    @Operation(summary = "Replace the content of the latest version while it is a draft (owner); needs If-Match with "
            + "the ETag you read", security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<AssetResponse> update(@PathVariable String id,
            @Parameter(description = "The ETag from your last read; 428 without it, 412 when the draft changed since")
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody AssetDraftRequest request, @AuthenticationPrincipal Jwt caller) {
        Viewer viewer = assets.viewer(caller);
        Asset asset = assets.update(id, request, ifMatch, viewer);
        return ResponseEntity.ok().eTag(asset.etag()).body(AssetResponse.of(asset, viewer));
    }

    @GetMapping("/{id}/versions")
    @PreAuthorize(SIGNED_IN)
    @Operation(summary = "List an asset's versions, newest first", security = @SecurityRequirement(name = "bearer"))
    List<VersionSummaryResponse> versions(@PathVariable String id, @AuthenticationPrincipal Jwt caller) {
        return assets.versions(id, assets.viewer(caller));
    }

    @PostMapping("/{id}/versions")
    @PreAuthorize("hasRole('client')")
    @Operation(summary = "Make the next version as a draft from a full body (owner); the latest version must be DEPLOYED "
            + "or RETIRED (409 draft-pending otherwise)", security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<AssetResponse> newVersion(@PathVariable String id, @Valid @RequestBody AssetDraftRequest request,
            @AuthenticationPrincipal Jwt caller) {
        Viewer viewer = assets.viewer(caller);
        Asset asset = assets.newVersion(id, request, viewer);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{version}").buildAndExpand(asset.version()).toUri();
        return ResponseEntity.created(location).eTag(asset.etag()).body(AssetResponse.of(asset, viewer));
    }

    @GetMapping("/{id}/versions/{version}")
    @PreAuthorize(SIGNED_IN)
    @Operation(summary = "Get one version of an asset", security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<AssetResponse> version(@PathVariable String id, @PathVariable @Min(1) int version,
            @AuthenticationPrincipal Jwt caller) {
        Viewer viewer = assets.viewer(caller);
        Asset asset = assets.getVersion(id, version, viewer);
        return ResponseEntity.ok().eTag(asset.etag()).body(AssetResponse.of(asset, viewer));
    }

    @GetMapping("/{id}/versions/{version}/execution-spec")
    @PreAuthorize("hasRole('service')")
    @Operation(summary = "A DEPLOYED version to run for a client, with its code (execution-service)",
            description = "404 asset-not-found when the asset does not exist or the client may not see it (as for the "
                    + "client's own read); 409 version-not-deployed for a DRAFT or RETIRED version.",
            security = @SecurityRequirement(name = "bearer"))
    ExecutionSpecResponse executionSpec(@PathVariable String id, @PathVariable @Min(1) int version,
            @RequestParam @Pattern(regexp = "hm1[a-z2-7]{32}", message = "must be an identity: 'hm1' followed by 32 "
                    + "lowercase base32 characters") String client) {
        return ExecutionSpecResponse.of(assets.executableVersion(id, version, client));
    }

    @PostMapping("/{id}/versions/{version}/retire")
    @PreAuthorize("hasRole('client')")
    @Operation(summary = "Retire a version (owner): no new executions; a DRAFT or DEPLOYED version becomes RETIRED, "
            + "a retired one stays as it is", security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<AssetResponse> retire(@PathVariable String id, @PathVariable @Min(1) int version,
            @AuthenticationPrincipal Jwt caller) {
        Viewer viewer = assets.viewer(caller);
        Asset asset = assets.retire(id, version, viewer);
        return ResponseEntity.ok().eTag(asset.etag()).body(AssetResponse.of(asset, viewer));
    }

    @GetMapping("/{id}/versions/{version}/dependencies")
    @PreAuthorize(SIGNED_IN)
    @Operation(summary = "The versions this version depends on, direct (depth=1) and transitive",
            security = @SecurityRequirement(name = "bearer"))
    DependencyGraphResponse dependencies(@PathVariable String id, @PathVariable @Min(1) int version,
            @Parameter(description = "How many steps to follow; 1 = direct dependencies only")
            @RequestParam(defaultValue = "" + AssetService.MAX_GRAPH_DEPTH) @Min(1) @Max(AssetService.MAX_GRAPH_DEPTH) int depth,
            @AuthenticationPrincipal Jwt caller) {
        return assets.graph(id, version, depth, assets.viewer(caller));
    }

    @GetMapping
    @PreAuthorize(SIGNED_IN)
    @Operation(summary = "Search the assets you may see (their latest versions), oldest first, one page at a time",
            description = "All given filters must hold. The README lists the combinations that are guaranteed fast at "
                    + "a million assets; others are answered correctly without that guarantee.",
            security = @SecurityRequirement(name = "bearer"))
    AssetPage list(
            @Parameter(description = "Free text over name, description and tags: words (English stemming), \"phrases\", "
                    + "-excluded, or") @RequestParam(required = false) @Size(min = 1, max = 200) String q,
            @Parameter(description = "Only this owner's assets") @RequestParam(required = false)
            @Pattern(regexp = "hm1[a-z2-7]{32}", message = "must be an identity (hm1...)") String owner,
            @RequestParam(required = false) @Pattern(regexp = Runtimes.PATTERN, message = Runtimes.MESSAGE) String runtime,
            @RequestParam(required = false) @Pattern(regexp = TAG, message = "must be a tag") String tag,
            @RequestParam(required = false) @Pattern(regexp = AssetStatus.PATTERN, message = "must be one of " + AssetStatus.PATTERN)
            String status,
            @RequestParam(required = false) @Pattern(regexp = PrivacyLevel.PATTERN, message = "must be one of " + PrivacyLevel.PATTERN)
            String privacy,
            @RequestParam(required = false) @Min(1) @Max(1024) Integer cpuCoresMin,
            @RequestParam(required = false) @Min(1) @Max(1024) Integer cpuCoresMax,
            @RequestParam(required = false) @Min(1) @Max(16_777_216) Integer memoryMbMin,
            @RequestParam(required = false) @Min(1) @Max(16_777_216) Integer memoryMbMax,
            @Parameter(description = "true: needs a GPU; false: needs none") @RequestParam(required = false) Boolean gpu,
            @Parameter(description = "Needs a GPU with at least this much memory") @RequestParam(required = false)
            @Min(1) @Max(1_048_576) Integer gpuMemoryMbMin,
            @Parameter(description = "Runs for at most this many seconds") @RequestParam(required = false)
            @Min(1) @Max(86_400) Integer maxRuntimeSecondsMax,
            @Parameter(description = "The 'next' cursor of the previous page") @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @AuthenticationPrincipal Jwt caller) {
        AssetSearch search = new AssetSearch(q, owner, runtime, tag,
                status == null ? null : AssetStatus.valueOf(status), privacy == null ? null : PrivacyLevel.valueOf(privacy),
                cpuCoresMin, cpuCoresMax, memoryMbMin, memoryMbMax, gpu, gpuMemoryMbMin, maxRuntimeSecondsMax);
        return assets.search(assets.viewer(caller), search, after, limit);
    }
}
