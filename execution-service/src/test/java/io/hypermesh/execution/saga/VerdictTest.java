package io.hypermesh.execution.saga;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.execution.executions.Assignment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private int hosts;

    @Test
    void oneResultWinsWhenOneHostWasAskedFor() {
        List<Assignment> reported = reports(0, "a");

        assertThat(Verdict.of(reported, 1).winners()).hasSize(1);
    }

    @Test
    void twoOfThreeAgreeingWinAndTheDissenterIsLeftOut() {
        List<Assignment> reported = reports(0, "a", "b", "a");

        Verdict verdict = Verdict.of(reported, 3);

        assertThat(verdict.winners()).extracting(Assignment::outputDigest).containsExactly("a", "a");
        assertThat(verdict.winners()).doesNotContain(reported.get(1));
    }

    @Test
    void threeDifferentResultsHaveNoMajority() {
        assertThat(Verdict.of(reports(0, "a", "b", "c"), 3).winners()).isEmpty();
    }

    @Test
    void aTieIsNoMajorityEvenWhenEnoughHostsAgree() {
        // k = 3, a fourth host was asked after a disagreement: 2 against 2 decides nothing.
        assertThat(Verdict.of(reports(0, "a", "b", "a", "b"), 3).winners()).isEmpty();
    }

    @Test
    void theMajorityMustAlsoBeAMajorityOfK() {
        // One report of k = 3 is a majority of what was reported, but not of the hosts asked for.
        assertThat(Verdict.of(reports(0, "a"), 3).winners()).isEmpty();
    }

    @Test
    void theSameOutputWithAnotherExitCodeIsAnotherResult() {
        List<Assignment> reported = new ArrayList<>(reports(0, "a", "a"));
        reported.addAll(reports(1, "a"));

        assertThat(Verdict.of(reported, 3).winners()).extracting(Assignment::exitCode).containsExactly(0, 0);
        assertThat(Verdict.of(List.of(reported.get(0), reported.get(2)), 2).winners()).isEmpty();
    }

    private List<Assignment> reports(int exitCode, String... digests) {
        List<Assignment> reported = new ArrayList<>();
        for (String digest : digests) {
            Assignment assignment = new Assignment("ex-1", "host-" + ++hosts, hosts, NOW, Duration.ofSeconds(30));
            assignment.lease(NOW, Duration.ofSeconds(60));
            assignment.report(new Assignment.Report(exitCode, digest, digest, 1, 1, 1, "signature"), NOW);
            reported.add(assignment);
        }
        return reported;
    }
}
