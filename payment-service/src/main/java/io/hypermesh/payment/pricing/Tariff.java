package io.hypermesh.payment.pricing;

import io.hypermesh.payment.account.Money;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What escrow asks of pricing: honour a client's quote for a hold, and price metered usage with the
 * rate-card version and privacy multiplier that quote promised — a later rate change never reprices
 * work already quoted.
 */
@Service
public class Tariff {

    private final QuoteRepository quotes;
    private final RateCardRepository cards;

    Tariff(QuoteRepository quotes, RateCardRepository cards) {
        this.quotes = quotes;
        this.cards = cards;
    }

    /** The quote's terms if it belongs to {@code client} and is unexpired at {@code now}; else quote-not-found or quote-expired. */
    @Transactional(readOnly = true)
    public QuoteTerms honour(UUID quoteId, String client, Instant now) {
        Quote quote = quotes.find(quoteId).filter(candidate -> candidate.requestedBy().equals(client))
                .orElseThrow(() -> new QuoteNotFoundException(quoteId));
        return QuoteTerms.of(quote.honour(now));
    }

    /** The terms of a quote already honoured by a hold (its expiry no longer matters). */
    @Transactional(readOnly = true)
    public QuoteTerms terms(UUID quoteId) {
        return QuoteTerms.of(quotes.find(quoteId).orElseThrow(() -> new QuoteNotFoundException(quoteId)));
    }

    /**
     * Usage × the quote's rates × its privacy multiplier, rounded as quotes are. A charge beyond the
     * largest payment comes back as just above it, which no hold covers.
     */
    @Transactional(readOnly = true)
    public Money charge(QuoteTerms terms, MeteredUsage usage) {
        RateCard card = cards.find(terms.rateCardVersion())
                .orElseThrow(() -> new IllegalStateException("rate card " + terms.rateCardVersion() + " of a quote is missing"));
        try {
            return Money.ofMicro(card.meter(usage, terms.privacyPercent()));
        } catch (QuoteTooLargeException beyondAnyHold) {
            // More than one payment may move: no hold can cover it, so the settlement is refused as exceeding its hold.
            return Money.ofMicro(Money.MAX_MICRO + 1);
        }
    }
}
