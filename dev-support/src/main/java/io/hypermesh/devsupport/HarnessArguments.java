package io.hypermesh.devsupport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Command-line arguments for a service a benchmark harness starts in its own JVM. */
public final class HarnessArguments {

    private HarnessArguments() {
    }

    /**
     * {@code harnessArguments} followed by those of {@code -Dservice.args="--name=value ..."} (split at white space), so
     * that a run can try a setting without a rebuild; a later argument overrides an earlier one.
     */
    public static String[] withServiceArgs(List<String> harnessArguments) {
        List<String> all = new ArrayList<>(harnessArguments);
        String extra = System.getProperty("service.args", "");
        if (!extra.isBlank()) {
            all.addAll(Arrays.asList(extra.strip().split("\\s+")));
        }
        return all.toArray(String[]::new);
    }
}
