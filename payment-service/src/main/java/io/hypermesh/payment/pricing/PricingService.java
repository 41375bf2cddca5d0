package io.hypermesh.payment.pricing;

import io.hypermesh.payment.config.PaymentProperties;
import io.hypermesh.payment.web.Caller;
import io.hypermesh.service.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rate cards and quotes. The configured prices are the source of truth; at start-up, before the
 * service takes requests, a configuration that differs from the latest recorded card becomes the
 * next version, so every price ever quoted stays reproducible from its version.
 */
@Service
class PricingService implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(PricingService.class);

    private final RateCardRepository cards;
    private final QuoteRepository quotes;
    private final PaymentProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PricingService(RateCardRepository cards, QuoteRepository quotes, PaymentProperties properties,
            TransactionTemplate transactions, Clock clock) {
        this.cards = cards;
        this.quotes = quotes;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        transactions.executeWithoutResult(status -> recordConfiguredCard());
    }

    /** Records the configured prices as a new version unless the latest version already has them. */
    RateCard recordConfiguredCard() {
        cards.lockVersioning();
        PaymentProperties.Rates rates = properties.pricing().rates();
        PaymentProperties.PrivacyPercent percent = properties.pricing().privacyPercent();
        RateCard latest = cards.latest().orElse(null);
        RateCard configured = new RateCard(latest == null ? 1 : latest.version() + 1, rates.cpuCoreSecond(),
                rates.memoryGbSecond(), rates.storageGb(), rates.gpuSecond(), rates.networkGb(), percent.privateNetwork(),
                percent.p2p(), percent.publicNetwork(), percent.fullPublic(), now());
        if (latest != null && latest.samePricesAs(configured)) {
            return latest;
        }
        cards.insert(configured);
        log.info("Recorded rate card version {}", configured.version());
        return configured;
    }

    @Transactional(readOnly = true)
    RateCard currentCard() {
        return cards.latest().orElseThrow(() -> new IllegalStateException("no rate card; start-up records one"));
    }

    @Transactional(readOnly = true)
    RateCard card(int version) {
        return cards.find(version).orElseThrow(() -> new RateCardNotFoundException(version));
    }

    @Transactional
    Quote quote(QuoteRequest request, Caller caller) {
        RateCard card = currentCard();
        PrivacyLevel privacy = PrivacyLevel.valueOf(request.privacy());
        Price price = card.price(request.resources(), request.durationSeconds(), privacy, request.redundancy());
        Instant now = now();
        String requestedBy = request.client() == null ? caller.identity() : request.client();
        if (!requestedBy.equals(caller.identity()) && !caller.executionService()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "Only execution-service may quote for another identity (field 'client').");
        }
        Quote quote = new Quote(UUID.randomUUID(), requestedBy, card.version(), request.resources(),
                request.durationSeconds(), privacy, request.redundancy(), price, now,
                now.plus(properties.pricing().quoteValidity()));
        quotes.insert(quote);
        return quote;
    }

    /** The requester, operators and execution-service (it holds escrow against quotes) may read a quote. */
    @Transactional(readOnly = true)
    Quote quoteFor(UUID id, Caller caller) {
        Quote quote = quotes.find(id).orElseThrow(() -> new QuoteNotFoundException(id));
        if (!caller.operator() && !caller.executionService() && !quote.requestedBy().equals(caller.identity())) {
            throw new QuoteNotFoundException(id);
        }
        return quote;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
