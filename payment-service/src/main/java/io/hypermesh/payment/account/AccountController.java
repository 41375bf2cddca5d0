package io.hypermesh.payment.account;

import io.hypermesh.payment.web.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/payments")
@Tag(name = "Accounts", description = "Balances, statements and journal entries. An identity sees only its own; "
        + "operators see all. An account another caller may not see answers 404, as if it did not exist.")
public class AccountController {

    static final String IDENTITY = "hm1[a-z2-7]{32}";
    static final String IDENTITY_MESSAGE = "must be an identity: 'hm1' followed by 32 lowercase base32 characters";

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/accounts/{identity}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "An identity's balance and stake (the identity itself or an operator)",
            security = @SecurityRequirement(name = "bearer"))
    AccountResponse account(@PathVariable @Pattern(regexp = IDENTITY, message = IDENTITY_MESSAGE) String identity,
            @Parameter(hidden = true) Authentication caller) {
        return accounts.account(identity, Caller.of(caller));
    }

    @GetMapping("/accounts/{identity}/entries")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "An identity's statement, oldest first, with cursor pagination",
            security = @SecurityRequirement(name = "bearer"))
    StatementResponse statement(@PathVariable @Pattern(regexp = IDENTITY, message = IDENTITY_MESSAGE) String identity,
            @Parameter(description = "Cursor: the 'next' of the previous page; omit for the first page")
            @RequestParam(defaultValue = "0") @Min(0) long after,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @Parameter(hidden = true) Authentication caller) {
        return accounts.statement(identity, after, limit, Caller.of(caller));
    }

    @GetMapping("/entries/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One journal entry (an identity it touched, or an operator)",
            security = @SecurityRequirement(name = "bearer"))
    EntryResponse entry(@PathVariable long id, @Parameter(hidden = true) Authentication caller) {
        return accounts.entry(id, Caller.of(caller));
    }

    @GetMapping("/supply")
    @Operation(summary = "Minted supply beside the sum of all balances (public); the two are always equal")
    SupplyResponse supply() {
        return accounts.supply();
    }
}
