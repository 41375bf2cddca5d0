package io.hypermesh.payment.escrow;

import io.hypermesh.payment.account.EntryResponse;
import io.hypermesh.payment.idempotency.IdempotentRequests;
import io.hypermesh.payment.idempotency.Reply;
import io.hypermesh.payment.web.Caller;
import io.hypermesh.payment.web.IdempotencyKeyHeader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/payments/escrows")
@Tag(name = "Escrow", description = "Client CAES locked for an execution against a quote, then settled (hosts, bonus, "
        + "platform fee, refund), released (full refund) or expired (full refund) — exactly one of the three. "
        + "Holds, settlements and releases are made only by execution-service's service identity "
        + "(HYPERMESH_EXECUTION_SERVICE_IDENTITIES); anyone else gets 403 forbidden.")
public class EscrowController {

    private final EscrowService escrows;
    private final IdempotentRequests idempotent;

    EscrowController(EscrowService escrows, IdempotentRequests idempotent) {
        this.escrows = escrows;
        this.idempotent = idempotent;
    }

    @PostMapping
    @PreAuthorize("hasRole('execution-service')")
    @IdempotencyKeyHeader
    @Operation(summary = "Lock a client's CAES for an execution against the client's unexpired quote (execution-service)",
            description = "The amount must cover the quoted total and is moved from the client's wallet to an escrow "
                    + "account of this hold, so supply is unchanged. 422 insufficient-funds if the wallet holds less.",
            security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "201", description = "Held",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EscrowResponse.class)))
    ResponseEntity<String> hold(@Parameter(hidden = true) @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @Valid @RequestBody HoldRequest request, @Parameter(hidden = true) Authentication token) {
        Caller caller = Caller.of(token);
        return idempotent.execute(caller, key, "POST /escrows", request, () -> {
            EscrowRecord held = escrows.hold(request, caller);
            return Reply.created(absolute(EscrowResponse.path(held.escrow().id())), EscrowResponse.of(held));
        });
    }

    @PostMapping("/{id}/settlements")
    @PreAuthorize("hasRole('execution-service')")
    @IdempotencyKeyHeader
    @Operation(summary = "Settle a hold: pay hosts for metered usage and bonus, the platform its fee, refund the rest "
            + "(execution-service)", description = "One balanced journal entry out of the escrow account; the total paid "
            + "never exceeds the hold. 409 escrow-closed if it was already settled, released or expired.",
            security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "201", description = "Settled; Location is the settlement's journal entry",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EscrowResponse.class)))
    ResponseEntity<String> settle(@Parameter(hidden = true) @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @PathVariable UUID id, @Valid @RequestBody SettleRequest request, @Parameter(hidden = true) Authentication token) {
        Caller caller = Caller.of(token);
        return idempotent.execute(caller, key, "POST /escrows/" + id + "/settlements", request, () -> {
            EscrowRecord settled = escrows.settle(id, request, caller);
            return Reply.created(absolute(EntryResponse.path(settled.closing().entryId())), EscrowResponse.of(settled));
        });
    }

    @PostMapping("/{id}/releases")
    @PreAuthorize("hasRole('execution-service')")
    @IdempotencyKeyHeader
    @Operation(summary = "Release a hold: the whole amount back to the client (execution-service)",
            description = "For an execution that failed or was cancelled. The body is optional. 409 escrow-closed if "
                    + "it was already settled, released or expired.", security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "201", description = "Released; Location is the refund's journal entry",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EscrowResponse.class)))
    ResponseEntity<String> release(@Parameter(hidden = true) @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @PathVariable UUID id, @Valid @RequestBody(required = false) ReleaseRequest request, @Parameter(hidden = true) Authentication token) {
        Caller caller = Caller.of(token);
        ReleaseRequest release = request == null ? ReleaseRequest.NONE : request;
        return idempotent.execute(caller, key, "POST /escrows/" + id + "/releases", release, () -> {
            EscrowRecord released = escrows.release(id, release, caller);
            return Reply.created(absolute(EntryResponse.path(released.closing().entryId())), EscrowResponse.of(released));
        });
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One hold and how it was closed (its client, execution-service, operators)",
            security = @SecurityRequirement(name = "bearer"))
    EscrowResponse escrow(@PathVariable UUID id, @Parameter(hidden = true) Authentication token) {
        return EscrowResponse.of(escrows.escrowFor(id, Caller.of(token)));
    }

    private static String absolute(String path) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString();
    }
}
