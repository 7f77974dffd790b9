package dev.learnflow.local.sidecar.state;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * The time a state operation may still take, for the calling thread: daprd cancels a component call when its
 * resiliency timeout passes (Go's context), so a timed-out write is not applied later. A store that can cancel
 * its work (PostgreSQL's statement_timeout) reads it; the others ignore it.
 */
public final class Deadline {

    private static final ThreadLocal<Long> END_NANOS = new ThreadLocal<>();

    private Deadline() {
    }

    /** Runs {@code work} with {@code timeout} from now as the deadline (null: none). */
    public static <T> T within(Duration timeout, Callable<T> work) throws Exception {
        if (timeout == null) {
            return work.call();
        }
        Long previous = END_NANOS.get();
        END_NANOS.set(System.nanoTime() + timeout.toNanos());
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

    /** Milliseconds left (at least 1), or -1 when the thread has no deadline. */
    public static long remainingMillis() {
        Long end = END_NANOS.get();
        if (end == null) {
            return -1;
        }
        return Math.max(1, Duration.ofNanos(end - System.nanoTime()).toMillis());
    }
}
