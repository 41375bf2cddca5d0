package io.hypermesh.payment.transfer;

import io.hypermesh.payment.account.EntryResponse;
import io.hypermesh.payment.idempotency.IdempotentRequests;
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
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/payments")
@Tag(name = "Transfers", description = "Minting (operators) and transfers between identities. Every movement is one "
        + "balanced journal entry; the answer is that entry, at its Location.")
public class TransferController {

    private final TransferService transfers;
    private final IdempotentRequests idempotent;

    TransferController(TransferService transfers, IdempotentRequests idempotent) {
        this.transfers = transfers;
        this.idempotent = idempotent;
    }

    @PostMapping("/mints")
    @PreAuthorize("hasRole('operator')")
    @IdempotencyKeyHeader
    @Operation(summary = "Mint new CAES into an identity's wallet (operator)", security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "201", description = "Minted; the journal entry",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EntryResponse.class)))
    ResponseEntity<String> mint(@Parameter(hidden = true) @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @Valid @RequestBody MintRequest request, @Parameter(hidden = true) Authentication token) {
        Caller caller = Caller.of(token);
        return idempotent.executeInOneCall(caller, key, "POST /mints", request,
                claim -> transfers.mint(request, caller, claim, entriesLocation()));
    }

    @PostMapping("/transfers")
    @PreAuthorize("hasAnyRole('client', 'host', 'operator')")
    @IdempotencyKeyHeader
    @Operation(summary = "Pay another identity from your own wallet", security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "201", description = "Paid; the journal entry",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EntryResponse.class)))
    ResponseEntity<String> transfer(@Parameter(hidden = true) @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @Valid @RequestBody TransferRequest request, @Parameter(hidden = true) Authentication token) {
        Caller caller = Caller.of(token);
        if (caller.identity().equals(request.to())) {
            // Refused after the key's claim and look-up, as every refusal is, so a used key still answers 422 reused.
            return idempotent.execute(caller, key, "POST /transfers", request, () -> {
                throw new SelfTransferException();
            });
        }
        return idempotent.executeInOneCall(caller, key, "POST /transfers", request,
                claim -> transfers.transfer(request, caller, claim, entriesLocation()));
    }

    /** The entry's Location up to its id, which the database appends. */
    private static String entriesLocation() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(EntryResponse.PATH_BEFORE_ID).toUriString();
    }
}
