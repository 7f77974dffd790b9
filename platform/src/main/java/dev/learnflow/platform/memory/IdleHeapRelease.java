package dev.learnflow.platform.memory;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.OperatingSystemMXBean;
import dev.learnflow.platform.concurrent.DaemonThreads;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Gives heap back to the operating system once a JVM that has worked goes quiet. SerialGC grows the heap under load
 * and keeps it until a full collection finds it mostly free, which an idle process never runs: after a burst of
 * students every service stayed 20–100 MiB above its idle size for good (issue 19). This watches the process's CPU
 * time; after real work followed by {@link #QUIET_SAMPLES} quiet samples, it runs one full collection with the heap's
 * free ratios lowered for that collection only, so the heap shrinks to its live data plus
 * {@link #RELEASE_FREE_PERCENT} %, then restores them (a heap that must grow again still grows with the JVM's usual
 * ratios, so the next load pays no extra collections). The collection happens only when nothing is running, so no
 * request waits for it.
 * <p>
 * Pure JDK, so the local launcher's JVM (sidecars and Kafka) uses it too.
 */
public final class IdleHeapRelease {

    static final Duration SAMPLE = Duration.ofSeconds(5);
    /** Quiet samples in a row before the heap is given back (the load may only have paused). */
    static final int QUIET_SAMPLES = 2;
    /** A sample is quiet when the process used at most this share of one core above its quietest sample. */
    static final double QUIET_ABOVE_FLOOR = 0.05;
    /** Work since the last release that makes another worth it: below this the heap cannot have grown much. */
    static final Duration WORK_BETWEEN_RELEASES = Duration.ofSeconds(2);
    /** Committed heap above the initial heap below which a full collection is not worth it. */
    static final long WORTH_RELEASING_BYTES = 8L << 20;
    /** Free share of the heap kept by the releasing collection. */
    static final int RELEASE_FREE_PERCENT = 5;

    private final OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final QuietWatch watch = new QuietWatch(SAMPLE.toNanos());
    private long cpuAtLastSample = -1;
    /** Committed heap when first sampled or right after the last release. */
    private long committedAfterRelease = -1;
    private static final System.Logger LOG = System.getLogger(IdleHeapRelease.class.getName());

    private IdleHeapRelease() {
    }

    /** Starts watching in a daemon thread; returns the scheduler (shut it down to stop). */
    public static ScheduledExecutorService start() {
        IdleHeapRelease release = new IdleHeapRelease();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                DaemonThreads.named("idle-heap-release"));
        scheduler.scheduleWithFixedDelay(release::sample, SAMPLE.toMillis(), SAMPLE.toMillis(), TimeUnit.MILLISECONDS);
        return scheduler;
    }

    /** One sample. A flag the JVM refuses (another GC's constraints) throws, which ends the schedule: no more tries. */
    private void sample() {
        long cpu = os.getProcessCpuTime();
        if (cpu < 0) {
            return;   // not measurable here: never release
        }
        long previous = cpuAtLastSample;
        cpuAtLastSample = cpu;
        var heap = memory.getHeapMemoryUsage();
        long committed = heap.getCommitted();
        if (committedAfterRelease < 0) {
            committedAfterRelease = committed;
        }
        boolean heapGrew = committed - committedAfterRelease >= WORTH_RELEASING_BYTES;
        if (previous >= 0 && watch.sample(cpu - previous, heapGrew)
                && committed - Math.max(heap.getInit(), 0) >= WORTH_RELEASING_BYTES) {
            long[] sizes = release();
            committedAfterRelease = sizes[1];
            cpuAtLastSample = os.getProcessCpuTime();   // the collection's own CPU is not work
            LOG.log(System.Logger.Level.INFO, "quiet after work: heap given back, committed {0} MiB -> {1} MiB",
                    sizes[0] >> 20, sizes[1] >> 20);
        }
    }

    /**
     * One full collection that shrinks the heap to its live data plus {@link #RELEASE_FREE_PERCENT} %; the JVM's
     * free ratios are restored afterwards. Returns the committed heap before and after, in bytes.
     */
    public static long[] release() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = memory.getHeapMemoryUsage().getCommitted();
        String min = hotspot.getVMOption("MinHeapFreeRatio").getValue();
        String max = hotspot.getVMOption("MaxHeapFreeRatio").getValue();
        String releaseMin = String.valueOf(Math.min(Integer.parseInt(min), RELEASE_FREE_PERCENT / 2));
        try {
            // the JVM keeps min <= max at every step
            hotspot.setVMOption("MinHeapFreeRatio", releaseMin);
            hotspot.setVMOption("MaxHeapFreeRatio", String.valueOf(RELEASE_FREE_PERCENT));
            System.gc();
        } finally {
            hotspot.setVMOption("MaxHeapFreeRatio", max);
            hotspot.setVMOption("MinHeapFreeRatio", min);
        }
        return new long[] {before, memory.getHeapMemoryUsage().getCommitted()};
    }

    /**
     * When to release, from the CPU time each sample used: after at least {@link #WORK_BETWEEN_RELEASES} of CPU,
     * or once the heap has grown by {@link #WORTH_RELEASING_BYTES} since the last release (a service that did
     * little but kept what it allocated: the websocket after its sockets closed), at the {@link #QUIET_SAMPLES}th
     * quiet sample in a row. Quiet is relative to the quietest sample seen, since a
     * JVM hosting pollers (the launcher's Kafka and sidecars) is never at zero.
     */
    static final class QuietWatch {
        private final long sampleNanos;
        private long floor = Long.MAX_VALUE;
        private long workSinceRelease;
        private int quietInARow;

        QuietWatch(long sampleNanos) {
            this.sampleNanos = sampleNanos;
        }

        /** As {@link #sample(long, boolean)} for a heap that has not grown since the last release. */
        boolean sample(long cpuNanos) {
            return sample(cpuNanos, false);
        }

        /**
         * Records one sample's CPU nanoseconds, and whether the heap grew by {@link #WORTH_RELEASING_BYTES} since
         * the last release; true when the heap should be given back now.
         */
        boolean sample(long cpuNanos, boolean heapGrew) {
            floor = Math.min(floor, cpuNanos);
            boolean quiet = cpuNanos <= floor + QUIET_ABOVE_FLOOR * sampleNanos;
            if (!quiet) {
                workSinceRelease += cpuNanos;
                quietInARow = 0;
                return false;
            }
            quietInARow++;
            if (quietInARow >= QUIET_SAMPLES && (workSinceRelease >= WORK_BETWEEN_RELEASES.toNanos() || heapGrew)) {
                workSinceRelease = 0;
                quietInARow = 0;
                return true;
            }
            return false;
        }
    }
}
