package io.hypermesh.payment.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void shouldNeverBeNegative() {
        assertThatThrownBy(() -> Money.ofMicro(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.ofMicro(1).minus(Money.ofMicro(2))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldMoveOnlyPositiveAmountsWithinTheLimit() {
        assertThatThrownBy(() -> Money.positive(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.positive(Money.MAX_MICRO + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Money.positive(Money.MAX_MICRO).micro()).isEqualTo(1_000_000_000_000_000L);
    }

    @Test
    void shouldAddAndSubtractExactly() {
        assertThat(Money.ofMicro(1_500_000).plus(Money.ofMicro(1)).minus(Money.ofMicro(500_001))).isEqualTo(Money.ofMicro(1_000_000));
        assertThatThrownBy(() -> Money.ofMicro(Long.MAX_VALUE).plus(Money.ofMicro(1))).isInstanceOf(ArithmeticException.class);
        assertThat(Money.ofMicro(3).isLessThan(Money.ofMicro(4))).isTrue();
        assertThat(Money.ofMicro(3).min(Money.ofMicro(2))).isEqualTo(Money.ofMicro(2));
    }
}
