package dev.learnflow.platform.memory;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class IdleHeapReleaseTest {

    private static final long SAMPLE = IdleHeapRelease.SAMPLE.toNanos();
    private static final long SECOND = 1_000_000_000L;

    @Test
    void releasesAtTheSecondQuietSampleAfterWork() {
        IdleHeapRelease.QuietWatch watch = new IdleHeapRelease.QuietWatch(SAMPLE);
        assertThat(watch.sample(SECOND / 100)).as("quiet, but nothing done yet").isFalse();
        assertThat(watch.sample(3 * SECOND)).as("working").isFalse();
        assertThat(watch.sample(SECOND / 100)).as("first quiet sample: the load may only pause").isFalse();
        assertThat(watch.sample(SECOND / 100)).as("second quiet sample").isTrue();
        assertThat(watch.sample(SECOND / 100)).as("nothing done since").isFalse();
        assertThat(watch.sample(SECOND / 100)).isFalse();
    }

    @Test
    void littleWorkIsNotWorthAFullCollection() {
        IdleHeapRelease.QuietWatch watch = new IdleHeapRelease.QuietWatch(SAMPLE);
        watch.sample(0);
        for (int i = 0; i < 10; i++) {
            // a scheduled job now and then: 1.5 s of CPU in all, under the work that makes a release worth it
            assertThat(watch.sample(i % 2 == 0 ? 3 * SECOND / 10 : 0)).isFalse();
        }
    }

    @Test
    void aHeapThatGrewIsGivenBackAfterQuietEvenWithLittleWork() {
        IdleHeapRelease.QuietWatch watch = new IdleHeapRelease.QuietWatch(SAMPLE);
        watch.sample(0);
        assertThat(watch.sample(SECOND / 2, true)).as("working a little").isFalse();
        assertThat(watch.sample(0, true)).as("first quiet sample").isFalse();
        assertThat(watch.sample(0, true)).as("second quiet sample, the heap has grown").isTrue();
        assertThat(watch.sample(0, false)).as("given back: not grown since").isFalse();
        assertThat(watch.sample(0, false)).isFalse();
    }

    @Test
    void quietIsMeasuredAgainstTheProcessesOwnFloor() {
        // the launcher's pollers (Kafka, sidecars) use ~14 % of a core when nothing is asked of them
        IdleHeapRelease.QuietWatch watch = new IdleHeapRelease.QuietWatch(SAMPLE);
        long pollers = (long) (0.14 * SAMPLE);
        watch.sample(pollers);
        assertThat(watch.sample(4 * SECOND)).isFalse();
        assertThat(watch.sample(pollers + SECOND / 100)).isFalse();
        assertThat(watch.sample(pollers + SECOND / 50)).as("still at the pollers' level").isTrue();
    }

    @Test
    void aLoadThatOnlyPausesDoesNotTriggerIt() {
        IdleHeapRelease.QuietWatch watch = new IdleHeapRelease.QuietWatch(SAMPLE);
        watch.sample(0);
        for (int i = 0; i < 6; i++) {
            assertThat(watch.sample(i % 2 == 0 ? 4 * SECOND : 0)).as("sample %d", i).isFalse();
        }
    }

    /** In a JVM with the services' own heap flags: a heap grown under load goes back to about its live data. */
    @Test
    void aGrownHeapIsGivenBackAndTheJvmsRatiosRestored() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx160m", "-Xms24m", "-XX:+UseSerialGC", "-XX:-ShrinkHeapInSteps",
                "-cp", System.getProperty("java.class.path"), GrowThenRelease.class.getName())
                .redirectErrorStream(true).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(child.exitValue()).as(out).isZero();
        String[] parts = out.lines().reduce((a, b) -> b).orElseThrow().split(" ");
        long grown = Long.parseLong(parts[0]);
        long released = Long.parseLong(parts[1]);
        assertThat(grown).as("the heap grew under the allocations").isGreaterThan(100L << 20);
        assertThat(released).as("committed after the release, live data ~8 MiB").isLessThan(40L << 20);
        assertThat(parts[2] + " " + parts[3]).as("the JVM's free ratios afterwards").isEqualTo("40 70");
    }

    /** Runs in the child JVM: fills the heap, lets go of most of it, releases, prints committed bytes and ratios. */
    public static final class GrowThenRelease {
        public static void main(String[] args) throws IOException {
            List<byte[]> kept = new ArrayList<>();
            List<byte[]> load = new ArrayList<>();
            for (int i = 0; i < 110; i++) {
                (i % 14 == 0 ? kept : load).add(new byte[1 << 20]);
            }
            load.clear();
            long[] committed = IdleHeapRelease.release();
            var hotspot = java.lang.management.ManagementFactory
                    .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            System.out.println(committed[0] + " " + committed[1] + " "
                    + hotspot.getVMOption("MinHeapFreeRatio").getValue() + " "
                    + hotspot.getVMOption("MaxHeapFreeRatio").getValue() + " " + kept.size());
        }
    }
}
