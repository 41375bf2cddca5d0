package io.hypermesh.payment.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateCardTest {

    private static final RateCard CARD = new RateCard(1, 100, 10, 1000, 2000, 5000, 150, 100, 100, 100, Instant.EPOCH);
    private static final Requirements ONE_REPLICA = new Requirements(2, 2048L, 512L, 1, 100L);

    @Test
    void shouldPriceEachResourceLineAndMultiplyByRedundancyAndPrivacy() {
        Price price = CARD.price(ONE_REPLICA, 60, PrivacyLevel.PRIVATE, 3);

        assertThat(price.cpu()).isEqualTo(2 * 60 * 100);
        assertThat(price.memory()).isEqualTo(2 * 60 * 10);
        assertThat(price.storage()).isEqualTo(500);
        assertThat(price.gpu()).isEqualTo(60 * 2000);
        assertThat(price.network()).isEqualTo(489); // 100 MB at 5000 per GB = 488.28..., rounded up
        assertThat(price.perReplica()).isEqualTo(12_000 + 1_200 + 500 + 120_000 + 489);
        assertThat(price.privacyPercent()).isEqualTo(200);
        assertThat(price.total()).isEqualTo(134_189L * 3 * 2);
    }

    @Test
    void shouldMeterUsageLineByLineRoundedUpThenApplyTheQuotedPrivacyMultiplier() {
        // cpu 40 × 100 = 4,000; memory 40,960 MB-s = 40 GB-s × 10 = 400; storage 1 MB × 1000/1024 = 0.98 → 1;
        // gpu 2 × 2000 = 4,000; network 100 MB × 5000/1024 = 488.3 → 489; sum 8,890 × 150 % = 13,335.
        long charge = CARD.meter(new MeteredUsage(40L, 40_960L, 1L, 2L, 100L), 150);

        assertThat(charge).isEqualTo(13_335);
        assertThat(CARD.meter(new MeteredUsage(null, null, null, null, null), 200)).isZero();
    }

    @Test
    void shouldChargePrivateExecutionTwiceTheBasePriceWhateverIsConfigured() {
        long base = CARD.price(ONE_REPLICA, 60, PrivacyLevel.P2P, 1).total();

        assertThat(CARD.price(ONE_REPLICA, 60, PrivacyLevel.PRIVATE, 1).total()).isEqualTo(2 * base);
        assertThat(CARD.price(ONE_REPLICA, 60, PrivacyLevel.PRIVATE_NETWORK, 1).total()).isEqualTo(base * 3 / 2 + (base % 2));
        assertThat(CARD.percentFor(PrivacyLevel.PRIVATE)).isEqualTo(200);
    }

    @Test
    void shouldRoundEachFractionalLineUpToAWholeMicroCaesOnce() {
        Price tiny = CARD.price(new Requirements(1, 1L, 1L, 0, 1L), 1, PrivacyLevel.FULL_PUBLIC, 1);

        assertThat(tiny.memory()).isEqualTo(1);
        assertThat(tiny.storage()).isEqualTo(1);
        assertThat(tiny.network()).isEqualTo(5);
        assertThat(tiny.gpu()).isZero();
    }

    @Test
    void shouldRefuseAPriceAboveWhatOnePaymentMayMove() {
        Requirements huge = new Requirements(1024, 16_777_216L, 1_000_000_000L, 64, 1_000_000_000L);
        RateCard dear = new RateCard(2, 1_000_000_000L, 1_000_000_000L, 1_000_000_000L, 1_000_000_000L, 1_000_000_000L,
                150, 100, 100, 100, Instant.EPOCH);

        // At the configured defaults even the largest request stays payable; only absurd rates overflow.
        assertThat(CARD.price(huge, 2_592_000, PrivacyLevel.PRIVATE, 16).total()).isPositive();
        assertThatThrownBy(() -> dear.price(huge, 2_592_000, PrivacyLevel.PRIVATE, 16)).isInstanceOf(QuoteTooLargeException.class);
    }
}
