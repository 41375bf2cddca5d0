package io.hypermesh.payment.stake;

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
import jakarta.validation.constraints.Pattern;
import java.util.List;
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
@RequestMapping("/api/v1/payments/stakes")
@Tag(name = "Stakes", description = "CAES locked as stake (proof of stake for the ledger). Anyone may read a stake; "
        + "an identity stakes and unlocks only its own; operators slash, with a recorded reason.")
public class StakeController {

    private static final String IDENTITY = "hm1[a-z2-7]{32}";
    private static final String IDENTITY_MESSAGE = "must be an identity: 'hm1' followed by 32 lowercase base32 characters";

    private final StakeService stakes;
    private final IdempotentRequests idempotent;

    StakeController(StakeService stakes, IdempotentRequests idempotent) {
        this.stakes = stakes;
        this.idempotent = idempotent;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('client', 'host', 'operator')")
    @IdempotencyKeyHeader
    @Operation(summary = "Lock CAES of your own wallet as stake", security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "201", description = "Staked; the journal entry",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EntryResponse.class)))
    ResponseEntity<String> stake(@Parameter(hidden = true) @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @Valid @RequestBody StakeRequest request, @Parameter(hidden = true) Authentication token) {
        Caller caller = Caller.of(token);
        return idempotent.execute(caller, key, "POST /stakes", request, () -> {
            var entry = stakes.stake(request, caller);
            return Reply.created(absolute(EntryResponse.path(entry.id())), EntryResponse.of(entry));
        });
    }

    @PostMapping("/unlocks")
    @PreAuthorize("hasAnyRole('client', 'host', 'operator')")
    @IdempotencyKeyHeader
    @Operation(summary = "Ask for bonded stake back; it returns to your wallet after the unlock delay",
            description = "Until then the amount stays in the stake account and can still be slashed; it no longer "
                    + "counts as bonded stake.", security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "202", description = "Unlock scheduled",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UnlockResponse.class)))
    ResponseEntity<String> unlock(@Parameter(hidden = true) @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @Valid @RequestBody UnlockRequest request, @Parameter(hidden = true) Authentication token) {
        Caller caller = Caller.of(token);
        return idempotent.execute(caller, key, "POST /stakes/unlocks", request,
                () -> Reply.accepted(UnlockResponse.of(stakes.requestUnlock(request, caller))));
    }

    @GetMapping("/{identity}")
    @Operation(summary = "An identity's stake (public: ledger-service reads it for proof of stake)")
    StakeResponse stakeOf(@PathVariable @Pattern(regexp = IDENTITY, message = IDENTITY_MESSAGE) String identity) {
        return StakeResponse.of(stakes.stakeOf(identity));
    }

    @PostMapping("/{identity}/slashes")
    @PreAuthorize("hasAnyRole('operator', 'execution-service')")
    @IdempotencyKeyHeader
    @Operation(summary = "Slash an identity's stake to the treasury (operator, or execution-service for a host caught "
            + "returning a wrong result)", description = "The reason and who slashed are recorded and public.",
            security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "201", description = "Slashed",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SlashResponse.class)))
    ResponseEntity<String> slash(@Parameter(hidden = true) @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @PathVariable @Pattern(regexp = IDENTITY, message = IDENTITY_MESSAGE) String identity,
            @Valid @RequestBody SlashRequest request, @Parameter(hidden = true) Authentication token) {
        Caller caller = Caller.of(token);
        return idempotent.execute(caller, key, "POST /stakes/" + identity + "/slashes", request, () -> {
            Slash slash = stakes.slash(identity, request, caller);
            return Reply.created(absolute(SlashResponse.path(identity, slash.id())), SlashResponse.of(slash));
        });
    }

    @GetMapping("/{identity}/slashes")
    @Operation(summary = "The latest 100 slashes of an identity's stake, newest first (public)")
    List<SlashResponse> slashes(@PathVariable @Pattern(regexp = IDENTITY, message = IDENTITY_MESSAGE) String identity) {
        return stakes.slashesOf(identity).stream().map(SlashResponse::of).toList();
    }

    @GetMapping("/{identity}/slashes/{id}")
    @Operation(summary = "One slash (public)")
    SlashResponse slashOf(@PathVariable @Pattern(regexp = IDENTITY, message = IDENTITY_MESSAGE) String identity,
            @PathVariable long id) {
        return SlashResponse.of(stakes.slashOf(identity, id));
    }

    private static String absolute(String path) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString();
    }
}
