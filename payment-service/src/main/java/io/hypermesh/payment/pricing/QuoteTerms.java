package io.hypermesh.payment.pricing;

import io.hypermesh.payment.account.Money;
import java.time.Instant;
import java.util.UUID;

/** What an escrow needs of a quote: whose it is, its price, its expected duration and how usage is priced. */
public record QuoteTerms(UUID id, String client, int rateCardVersion, int privacyPercent, long durationSeconds,
        Money total, Instant expiresAt) {

    static QuoteTerms of(Quote quote) {
        return new QuoteTerms(quote.id(), quote.requestedBy(), quote.rateCardVersion(), quote.price().privacyPercent(),
                quote.durationSeconds(), Money.ofMicro(quote.price().total()), quote.expiresAt());
    }
}
