package dev.learnflow.local.sidecar.state;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * The time a state operation may still take, for the calling thread: daprd cancels a component call when its
 * resiliency timeout passes (Go's context), so a timed-out write is not applied later. A store that can cancel
 * its work (PostgreSQL: a per-statement query timeout) reads it; the others ignore it.
 */
public final class Deadline {

    private static final ThreadLocal<Long> END_NANOS = new ThreadLocal<>();

    private Deadline() {
    }

    /** The deadline {@code timeout} from now, in System.nanoTime terms (null: none). */
    public static Long after(Duration timeout) {
        return timeout == null ? null : System.nanoTime() + timeout.toNanos();
    }

    /** Runs {@code work} with {@code endNanos} (from {@link #after}) as the deadline (null: none). */
    public static <T> T until(Long endNanos, Callable<T> work) throws Exception {
        if (endNanos == null) {
            return work.call();
        }
        Long previous = END_NANOS.get();
        END_NANOS.set(endNanos);
        try {
            return work.call();
        } finally {
            if (previous == null) {
                END_NANOS.remove();
            } else {
                END_NANOS.set(previous);
            }
        }
    }

    /**
     * Milliseconds the store may still spend (at least 1), or -1 when the thread has no deadline: a little less than
     * what is left, so the store cancels before the caller's timeout answers and no write lands after it.
     */
    public static long remainingMillis() {
        Long end = END_NANOS.get();
        if (end == null) {
            return -1;
        }
        long left = Duration.ofNanos(end - System.nanoTime()).toMillis();
        return Math.max(1, left - Math.min(MARGIN_MILLIS, left / 4));
    }

    private static final long MARGIN_MILLIS = 50;
}
