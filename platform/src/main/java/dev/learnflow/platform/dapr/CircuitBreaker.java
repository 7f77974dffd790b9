package dev.learnflow.platform.dapr;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A small per-backend circuit breaker: after {@code threshold} consecutive failures the circuit opens and calls
 * fail fast; after {@code openFor} one trial call is let through (half-open) and its outcome closes or reopens it.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final Duration openFor;
    private final Clock clock;

    private int consecutiveFailures;
    private Instant openedAt;
    private boolean trialInFlight;

    public CircuitBreaker(int threshold, Duration openFor, Clock clock) {
        this.threshold = threshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** Whether a call may go out now. */
    public synchronized boolean tryAcquire() {
        if (openedAt == null) {
            return true;
        }
        if (!trialInFlight && !clock.instant().isBefore(openedAt.plus(openFor))) {
            trialInFlight = true;
            return true;
        }
        return false;
    }

    public synchronized void onSuccess() {
        consecutiveFailures = 0;
        openedAt = null;
        trialInFlight = false;
    }

    public synchronized void onFailure() {
        consecutiveFailures++;
        if (trialInFlight || consecutiveFailures >= threshold) {
            openedAt = clock.instant();
        }
        trialInFlight = false;
    }

    public synchronized State state() {
        if (openedAt == null) {
            return State.CLOSED;
        }
        return trialInFlight || !clock.instant().isBefore(openedAt.plus(openFor)) ? State.HALF_OPEN : State.OPEN;
    }

    /** Seconds until a trial call is allowed, for Retry-After. */
    public synchronized long retryAfterSeconds() {
        if (openedAt == null) {
            return 0;
        }
        long millis = Duration.between(clock.instant(), openedAt.plus(openFor)).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
