package dev.learnflow.notification;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for something that happens on another thread (an event crossing Kafka); fails after a generous bound. */
final class Await {

    static final Duration BOUND = Duration.ofSeconds(60);

    private Await() {
    }

    static <T> T until(String what, Supplier<T> probe, java.util.function.Predicate<T> done) {
        long giveUp = System.nanoTime() + BOUND.toNanos();
        T value = probe.get();
        while (!done.test(value)) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("gave up waiting for " + what + "; last seen: " + value);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            value = probe.get();
        }
        return value;
    }
}
