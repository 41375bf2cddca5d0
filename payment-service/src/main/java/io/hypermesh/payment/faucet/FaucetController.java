package io.hypermesh.payment.faucet;

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
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The development faucet. Exists only when {@code hypermesh.payment.faucet.enabled} is true (otherwise
 * {@code POST /faucet} is 404), and refuses to exist in the {@code production} profile: the service then
 * fails at start-up instead of handing out CAES.
 */
@RestController
@RequestMapping("/api/v1/payments")
@ConditionalOnBooleanProperty("hypermesh.payment.faucet.enabled")
@Tag(name = "Faucet", description = "Development only: free CAES for an identity, once per configured window.")
public class FaucetController {

    static final String PRODUCTION_PROFILE = "production";

    private final FaucetService faucet;
    private final IdempotentRequests idempotent;

    FaucetController(FaucetService faucet, IdempotentRequests idempotent, Environment environment) {
        if (environment.acceptsProfiles(Profiles.of(PRODUCTION_PROFILE))) {
            throw new IllegalStateException("The development faucet (hypermesh.payment.faucet.enabled) must not be enabled "
                    + "in the production profile");
        }
        this.faucet = faucet;
        this.idempotent = idempotent;
    }

    @PostMapping("/faucet")
    @PreAuthorize("hasAnyRole('client', 'host', 'operator')")
    @IdempotencyKeyHeader
    @Operation(summary = "Take the development grant into your own wallet (development only)",
            description = "Mints HYPERMESH_FAUCET_AMOUNT µCAES to the caller's wallet, at most once per "
                    + "HYPERMESH_FAUCET_WINDOW per identity (429 faucet-rate-limited otherwise, with Retry-After). "
                    + "No body. Absent unless HYPERMESH_FAUCET_ENABLED.", security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "201", description = "Granted; the mint's journal entry",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EntryResponse.class)))
    ResponseEntity<String> grant(@Parameter(hidden = true) @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @Parameter(hidden = true) Authentication token) {
        Caller caller = Caller.of(token);
        return idempotent.execute(caller, key, "POST /faucet", Map.of(), () -> {
            EntryResponse entry = EntryResponse.of(faucet.grant(caller));
            String location = ServletUriComponentsBuilder.fromCurrentContextPath().path(EntryResponse.path(entry.id())).toUriString();
            return Reply.created(location, entry);
        });
    }
}
