package io.hypermesh.devsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JitSettlingTest {

    @Test
    void shouldStopWhenARoundCannotGoOnAndGiveEachRoundItsLength() {
        List<Integer> lengths = new ArrayList<>();
        JitSettling.Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> JitSettling.repeatUntilSettled(3, 600, seconds -> {
                    lengths.add(seconds);
                    return lengths.size() < 2;
                }));
        // Settled or not after the first round, it never runs a round after one that said it cannot go on.
        assertThat(outcome.rounds()).isEqualTo(lengths.size()).isBetween(1, 2);
        assertThat(lengths).containsOnly(3);
    }

    @Test
    void shouldStopAtTheTimeLimitEvenIfTheJitKeepsCompiling() {
        JitSettling.Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> JitSettling.repeatUntilSettled(1, 0, seconds -> true));
        assertThat(outcome.rounds()).isEqualTo(1);
        assertThat(outcome.describe()).startsWith("1 rounds in ").contains("the JIT compiled");
    }
}
