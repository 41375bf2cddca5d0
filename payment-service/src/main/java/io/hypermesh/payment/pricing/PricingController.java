package io.hypermesh.payment.pricing;

import io.hypermesh.payment.idempotency.IdempotentRequests;
import io.hypermesh.payment.idempotency.Reply;
import io.hypermesh.payment.web.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
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
@RequestMapping("/api/v1/payments")
@Tag(name = "Pricing", description = "The versioned rate card (public) and itemised quotes honoured until they expire.")
public class PricingController {

    private final PricingService pricing;
    private final IdempotentRequests idempotent;

    PricingController(PricingService pricing, IdempotentRequests idempotent) {
        this.pricing = pricing;
        this.idempotent = idempotent;
    }

    @GetMapping("/rate-cards/current")
    @Operation(summary = "The rate card new quotes are priced with (public)")
    RateCardResponse current() {
        return RateCardResponse.of(pricing.currentCard());
    }

    @GetMapping("/rate-cards/{version}")
    @Operation(summary = "One version of the rate card (public)")
    RateCardResponse card(@PathVariable @Min(1) int version) {
        return RateCardResponse.of(pricing.card(version));
    }

    @PostMapping("/quotes")
    @PreAuthorize("hasAnyRole('client', 'service', 'operator')")
    @Operation(summary = "Price an execution before committing to it", security = @SecurityRequirement(name = "bearer"))
    @Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key", required = true,
            description = "A fresh unique value per quote, repeated on retries: a retry gets the same quote back.",
            schema = @Schema(type = "string", maxLength = 255))
    @ApiResponse(responseCode = "201", description = "Quoted",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = QuoteResponse.class)))
    ResponseEntity<String> quote(@Parameter(hidden = true) @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @Valid @RequestBody QuoteRequest request, @Parameter(hidden = true) Authentication token) {
        Caller caller = Caller.of(token);
        return idempotent.execute(caller, key, "POST /quotes", request, () -> {
            Quote quote = pricing.quote(request, caller);
            String location = ServletUriComponentsBuilder.fromCurrentContextPath().path(QuoteResponse.path(quote.id())).toUriString();
            return Reply.created(location, QuoteResponse.of(quote, pricing.card(quote.rateCardVersion()), quote.createdAt()));
        });
    }

    @GetMapping("/quotes/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One quote (its requester, services, operators)", security = @SecurityRequirement(name = "bearer"))
    QuoteResponse quoteOf(@PathVariable UUID id, @Parameter(hidden = true) Authentication token) {
        Quote quote = pricing.quoteFor(id, Caller.of(token));
        return QuoteResponse.of(quote, pricing.card(quote.rateCardVersion()), pricing.now());
    }
}
