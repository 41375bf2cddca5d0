package io.hypermesh.payment.account;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Publishes minted supply and the sum of balances as gauges. Both read one snapshot (kept for a
 * second) so a scrape never shows them apart merely because they were read at different moments.
 */
@Component
class SupplyMetrics {

    private static final Duration FRESHNESS = Duration.ofSeconds(1);

    private final Ledger ledger;
    private final Clock clock;
    private volatile Snapshot last;

    private record Snapshot(Supply supply, Instant readAt) {
    }

    SupplyMetrics(Ledger ledger, MeterRegistry registry, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
        Gauge.builder("payment.supply.minted", this, metrics -> metrics.current().minted())
                .description("CAES minted so far").baseUnit("microcaes").register(registry);
        Gauge.builder("payment.supply.held", this, metrics -> metrics.current().held())
                .description("Sum of all account balances; equals minted supply").baseUnit("microcaes").register(registry);
    }

    private synchronized Supply current() {
        Instant now = Instant.now(clock);
        Snapshot snapshot = last;
        if (snapshot == null || snapshot.readAt().plus(FRESHNESS).isBefore(now) || now.isBefore(snapshot.readAt())) {
            snapshot = new Snapshot(ledger.supply(), now);
            last = snapshot;
        }
        return snapshot.supply();
    }
}
