package dev.learnflow.bench.mesh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How fast the machine's cores are at each moment of a run: every {@link #PERIOD_MILLIS} ms a daemon thread of the
 * bench JVM does a fixed piece of integer work and records the CPU time it took (thread CPU time, so waiting for a
 * core while the mesh is busy does not count). On the shared 2-core machines the same work has taken from 1× to
 * 2.2× its quickest time within seconds (session 33: frequency, a busy sibling hyperthread or neighbours' cache
 * traffic), which moves every CPU-per-request figure and latency with it; each row's CPU note gives the probe's
 * median in its window against the run's quickest, so runs on different moments or machines can be compared.
 * Costs ~1 % of one core.
 */
final class SpeedProbe {

    static final long PERIOD_MILLIS = 250;
    private static final int WORK = 400_000;

    private record Sample(long atNanos, long cpuNanos) {
    }

    private final List<Sample> samples = new ArrayList<>();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private volatile long sink;

    /** Starts sampling in a daemon thread, after warming the work up (its first runs are interpreted). */
    static SpeedProbe start() {
        SpeedProbe probe = new SpeedProbe();
        Thread t = new Thread(probe::loop, "speed-probe");
        t.setDaemon(true);
        t.start();
        return probe;
    }

    private void loop() {
        for (int i = 0; i < 200; i++) {
            work();
        }
        while (true) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            work();
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            synchronized (samples) {
                samples.add(new Sample(System.nanoTime(), cpu));
            }
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** A fixed amount of integer work the JIT cannot remove (xorshift steps folded into a field). */
    private void work() {
        long x = 88172645463325252L;
        long acc = 0;
        for (int i = 0; i < WORK; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            acc += x & 0xff;
        }
        sink = acc;
    }

    /**
     * "probe ×1.34 its quickest (median 1.21 ms of CPU)" for samples taken between the two moments, or "" when
     * there are none.
     */
    String during(long fromNanos, long toNanos) {
        List<Long> window = new ArrayList<>();
        long quickest = Long.MAX_VALUE;
        synchronized (samples) {
            for (Sample s : samples) {
                quickest = Math.min(quickest, s.cpuNanos());
                if (s.atNanos() >= fromNanos && s.atNanos() <= toNanos) {
                    window.add(s.cpuNanos());
                }
            }
        }
        if (window.isEmpty() || quickest <= 0) {
            return "";
        }
        window.sort(null);
        long median = window.get(window.size() / 2);
        return String.format(Locale.ROOT, "speed probe ×%.2f its quickest of the run (median %.2f ms of CPU for the "
                + "fixed work)", (double) median / quickest, median / 1e6);
    }

    /** The whole run so far: quickest, median and slowest sample against the quickest. */
    String summary() {
        List<Long> all;
        synchronized (samples) {
            all = new ArrayList<>(samples.stream().map(Sample::cpuNanos).toList());
        }
        if (all.isEmpty()) {
            return "no samples";
        }
        all.sort(null);
        long quickest = all.get(0);
        return String.format(Locale.ROOT, "%d samples: quickest %.2f ms of CPU for the fixed work, median ×%.2f, "
                        + "90th percentile ×%.2f, slowest ×%.2f", all.size(), quickest / 1e6,
                (double) all.get(all.size() / 2) / quickest, (double) all.get(all.size() * 9 / 10) / quickest,
                (double) all.get(all.size() - 1) / quickest);
    }
}
