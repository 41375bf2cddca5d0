package io.hypermesh.ledger.block;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/ledger/blocks")
@Tag(name = "Blocks", description = "The hash-chained blocks. Anyone may read them; services and operators append "
        + "operations whose consensus proof holds.")
public class BlockController {

    private final BlockService blocks;
    private final ChainExport export;

    BlockController(BlockService blocks, ChainExport export) {
        this.blocks = blocks;
        this.export = export;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('service', 'operator')")
    @Operation(summary = "Append an operation as a block (service, operator)", security = @SecurityRequirement(name = "bearer"),
            description = "Checks the proof's parts in the order stake (signature), work, time, space, then the staked amount, "
                    + "then replay; a failed part answers 422 with its own problem type and the chain is unchanged. "
                    + "A retry with the same Idempotency-Key and body answers 200 with the block the first attempt appended. "
                    + "Appends are committed in groups (one transaction for the appends that arrive together); the answer "
                    + "comes after the commit. When too many appends wait for their group, the append is refused at once "
                    + "with 503 append-queue-full and Retry-After; nothing is appended, so retry with the same Idempotency-Key.")
    @ApiResponse(responseCode = "201", description = "Appended")
    @ApiResponse(responseCode = "200", description = "A retry: the block the first attempt with this Idempotency-Key appended")
    @ApiResponse(responseCode = "422", description = "A proof part failed (proof-stake-invalid, proof-work-insufficient, "
            + "proof-time-invalid, proof-space-invalid, proof-replayed) or the Idempotency-Key was reused",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    @ApiResponse(responseCode = "503", description = "Nothing appended: the append queue is full (append-queue-full, with a "
            + "Retry-After header in seconds) or a stake or zone cannot be looked up (stake-unavailable, zone-unavailable)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    ResponseEntity<BlockResponse> append(@Valid @RequestBody AppendBlockRequest request,
            @Parameter(description = "1-200 visible ASCII characters, unique per operation; required")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @AuthenticationPrincipal Jwt caller) {
        BlockService.Appended appended = blocks.append(request, caller.getSubject(), idempotencyKey);
        BlockResponse body = BlockResponse.of(appended.block());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{height}")
                .buildAndExpand(appended.block().height()).toUri();
        if (appended.created()) {
            return ResponseEntity.created(location).body(body);
        }
        return ResponseEntity.ok().location(location).header("Idempotent-Replayed", "true").body(body);
    }

    @PostMapping("/batch")
    @PreAuthorize("hasAnyRole('service', 'operator')")
    @Operation(summary = "Append up to 100 operations at once, all or none (service, operator)",
            security = @SecurityRequirement(name = "bearer"),
            description = "Each operation is checked as by POST /blocks; if one is refused, nothing is appended and the 422 "
                    + "names its 'index'. The blocks are consecutive, in the given order, committed together.")
    @ApiResponse(responseCode = "201", description = "Appended")
    @ApiResponse(responseCode = "200", description = "A retry: the blocks the first attempt with this Idempotency-Key appended")
    ResponseEntity<BatchResponse> appendBatch(@Valid @RequestBody AppendBatchRequest request,
            @Parameter(description = "1-200 visible ASCII characters, unique per batch; required")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @AuthenticationPrincipal Jwt caller) {
        BlockService.Appended appended = blocks.appendBatch(request.operations(), caller.getSubject(), idempotencyKey);
        BatchResponse body = new BatchResponse(appended.blocks().stream().map(BlockResponse::of).toList());
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/ledger/blocks")
                .queryParam("afterHeight", appended.block().height() - 1)
                .queryParam("limit", appended.blocks().size())
                .build().toUri();
        if (appended.created()) {
            return ResponseEntity.created(location).body(body);
        }
        return ResponseEntity.ok().location(location).header("Idempotent-Replayed", "true").body(body);
    }

    @GetMapping("/head")
    @Operation(summary = "The block at the top of the chain")
    BlockResponse head() {
        return BlockResponse.of(blocks.head());
    }

    // Any segment binds, so that "abc" is a 400 naming the height rather than a 404 for a path that is there.
    @GetMapping("/{height}")
    @Operation(summary = "The block at a height")
    BlockResponse byHeight(@PathVariable @Min(0) long height) {
        return BlockResponse.of(blocks.byHeight(height));
    }

    @GetMapping("/{height}/inclusion-proof")
    @Operation(summary = "Evidence that a block is in the Merkle Mountain Range over all block hashes",
            description = "The sibling path from the block's leaf to its mountain's peak, every peak and the root, at the "
                    + "current head or, with leafCount, at an earlier size whose root you recorded. Verify it with "
                    + "io.hypermesh.protocol.InclusionProof against a root you trust (docs/protocol.md §6).")
    InclusionProofResponse inclusionProof(@PathVariable @Min(0) long height,
            @Parameter(description = "Prove against the range of the first leafCount blocks (default: up to the head)")
            @RequestParam(required = false) @Min(1) Long leafCount) {
        return blocks.inclusionProof(height, leafCount);
    }

    @GetMapping("/by-hash/{hash:[0-9a-f]{64}}")
    @Operation(summary = "The block with a hash")
    BlockResponse byHash(@PathVariable String hash) {
        return BlockResponse.of(blocks.byHash(hash));
    }

    @GetMapping(path = "/export", produces = "application/x-ndjson")
    @Operation(summary = "Download the chain as JSON lines for offline verification",
            description = "One block per line in height order, each line in RFC 8785 canonical form with 'timestamp' in epoch "
                    + "milliseconds. from defaults to 0, to to the head.")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) @Min(0) Long from,
            @RequestParam(required = false) @Min(0) Long to) {
        long[] range = export.range(from, to);
        StreamingResponseBody body = out -> export.write(range[0], range[1], out);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ledger-" + range[0] + "-" + range[1] + ".jsonl\"")
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .body(body);
    }

    @GetMapping
    @Operation(summary = "Blocks in height order, filtered by type, author, subject and time, paged by height",
            description = "subject matches a block whose payload has it as the string value of assetId, executionId or "
                    + "hostId; from (inclusive) and to (exclusive) are ISO-8601 instants compared with the block's timestamp. "
                    + "Pass the answer's nextAfterHeight as afterHeight to get the next page; it is null on the last page.")
    BlockPage list(
            @RequestParam(required = false) @Pattern(regexp = "[A-Z][A-Z0-9_]{1,31}", message = "must be a block type such as DEPLOYMENT") String type,
            @RequestParam(required = false) @Size(min = 1, max = 200) String author,
            @Parameter(description = "An asset, execution or host id: the payload's assetId, executionId or hostId")
            @RequestParam(required = false) @Size(min = 1, max = 200) String subject,
            @Parameter(description = "Blocks appended at or after this instant, e.g. 2026-01-01T00:00:00Z")
            @RequestParam(required = false) Instant from,
            @Parameter(description = "Blocks appended before this instant")
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "-1") @Min(-1) long afterHeight,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return blocks.list(new BlockFilter(type, author, subject, from, to), afterHeight, limit);
    }
}
