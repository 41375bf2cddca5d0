package io.hypermesh.execution.saga;

import io.hypermesh.execution.executions.Assignment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which reported results win: those sharing one (exit code, output digest) when they are a strict majority of the
 * results reported and at least a strict majority of k. With k = 1 the one signed result wins. No winners means
 * no majority (yet).
 */
record Verdict(List<Assignment> winners) {

    static final Verdict NONE = new Verdict(List.of());

    static Verdict of(List<Assignment> reported, int k) {
        Map<String, List<Assignment>> groups = new LinkedHashMap<>();
        for (Assignment a : reported) {
            groups.computeIfAbsent(a.exitCode() + ":" + a.outputDigest(), key -> new ArrayList<>()).add(a);
        }
        List<Assignment> largest = groups.values().stream().max(Comparator.comparingInt(List::size)).orElse(List.of());
        boolean majorityOfReported = largest.size() * 2 > reported.size();
        boolean majorityOfK = largest.size() >= k / 2 + 1;
        return majorityOfReported && majorityOfK ? new Verdict(List.copyOf(largest)) : NONE;
    }
}
