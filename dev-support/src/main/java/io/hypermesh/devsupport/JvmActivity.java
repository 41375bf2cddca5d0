package io.hypermesh.devsupport;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/** What this JVM has done so far, for the benchmark harnesses to report per phase (subtract two readings). */
public final class JvmActivity {

    private JvmActivity() {
    }

    /** CPU time of the whole process (every thread: service, load clients, JIT, GC), in nanoseconds. */
    public static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Milliseconds the JIT compilers have spent so far (all compiler threads together). */
    public static long compileMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    /** Garbage collections so far and the milliseconds spent in them, over all collectors: {count, millis}. */
    public static long[] gcCountAndMillis() {
        long[] total = new long[2];
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            total[0] += Math.max(0, collector.getCollectionCount());
            total[1] += Math.max(0, collector.getCollectionTime());
        }
        return total;
    }
}
