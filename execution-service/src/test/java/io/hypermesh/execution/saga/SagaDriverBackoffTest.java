package io.hypermesh.execution.saga;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SagaDriverBackoffTest {

    @Test
    void waitsHalfASecondThenDoublesUpToThirtySeconds() {
        assertThat(SagaDriver.backoff(0)).isEqualTo(Duration.ofMillis(500));
        assertThat(SagaDriver.backoff(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(SagaDriver.backoff(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SagaDriver.backoff(5)).isEqualTo(Duration.ofSeconds(8));
        assertThat(SagaDriver.backoff(7)).isEqualTo(Duration.ofSeconds(30));
        assertThat(SagaDriver.backoff(1000)).isEqualTo(Duration.ofSeconds(30));
    }
}
