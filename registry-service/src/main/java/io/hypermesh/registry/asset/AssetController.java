package io.hypermesh.registry.asset;

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
@Tag(name = "Assets", description = "Compute assets: code plus what it needs to run. Clients create and edit them; "
        + "who may read one depends on its privacy level, and an asset you may not see answers 404.")
public class AssetController {

    private static final String SIGNED_IN = "hasAnyRole('client', 'host', 'operator', 'service')";

    private final AssetService assets;

    AssetController(AssetService assets) {
        this.assets = assets;
    }

    @PostMapping
    @PreAuthorize("hasRole('client')")
    @Operation(summary = "Create a draft asset (client); the caller becomes its owner",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<AssetResponse> create(@Valid @RequestBody AssetDraftRequest request, @AuthenticationPrincipal Jwt caller) {
        Asset asset = assets.create(request, caller.getSubject());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(asset.id()).toUri();
        return ResponseEntity.created(location).eTag(asset.etag()).body(AssetResponse.of(asset));
    }

    @GetMapping("/{id}")
    @PreAuthorize(SIGNED_IN)
    @Operation(summary = "Get one asset, with its ETag", security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<AssetResponse> get(@PathVariable String id, @AuthenticationPrincipal Jwt caller) {
        Asset asset = assets.get(id, caller.getSubject());
        return ResponseEntity.ok().eTag(asset.etag()).body(AssetResponse.of(asset));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('client')")
    @Operation(summary = "Replace the content of a draft (owner); needs If-Match with the ETag you read",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<AssetResponse> update(@PathVariable String id,
            @Parameter(description = "The ETag from your last read; 428 without it, 412 when the asset changed since")
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody AssetDraftRequest request, @AuthenticationPrincipal Jwt caller) {
        Asset asset = assets.update(id, request, ifMatch, caller.getSubject());
        return ResponseEntity.ok().eTag(asset.etag()).body(AssetResponse.of(asset));
    }

    @GetMapping
    @PreAuthorize(SIGNED_IN)
    @Operation(summary = "List the assets you may see, oldest first, one page at a time",
            security = @SecurityRequirement(name = "bearer"))
    AssetPage list(
            @Parameter(description = "Only this owner's assets") @RequestParam(required = false)
            @Pattern(regexp = "hm1[a-z2-7]{32}", message = "must be an identity (hm1...)") String owner,
            @RequestParam(required = false) @Pattern(regexp = Runtimes.PATTERN, message = Runtimes.MESSAGE) String runtime,
            @RequestParam(required = false) @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,31}", message = "must be a tag") String tag,
            @RequestParam(required = false) @Pattern(regexp = AssetStatus.PATTERN, message = "must be one of " + AssetStatus.PATTERN)
            String status,
            @Parameter(description = "The 'next' cursor of the previous page") @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @AuthenticationPrincipal Jwt caller) {
        AssetFilter filter = new AssetFilter(owner, runtime, tag, status == null ? null : AssetStatus.valueOf(status));
        return assets.list(caller.getSubject(), filter, after, limit);
    }
}
