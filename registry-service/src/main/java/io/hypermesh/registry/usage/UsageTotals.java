package io.hypermesh.registry.usage;

import java.util.List;

record UsageTotals(int version, long executions, long successes, long totalDurationMs) {

    static UsageTotals sum(List<UsageTotals> perVersion) {
        long executions = 0;
        long successes = 0;
        long duration = 0;
        for (UsageTotals totals : perVersion) {
            executions += totals.executions();
            successes += totals.successes();
            duration += totals.totalDurationMs();
        }
        return new UsageTotals(0, executions, successes, duration);
    }
}
