package dev.learnflow.platform.dapr;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A small per-backend circuit breaker over the outcomes of the last {@code window} calls: once at least
 * {@code minimumCalls} of them are known and the share of failures reaches {@code failureRate}, the circuit opens and
 * calls fail fast; after {@code openFor} one trial call is let through (half-open) and its outcome closes or reopens
 * it.
 * <p>
 * A rate, not a run of consecutive failures: under overload a busy backend times out now and then while it still
 * answers most calls, and opening on five timeouts in a row turned a few slow answers into seconds of 503s for
 * everyone (bench/mesh, 500 users). A backend that is down fails every call and opens the circuit as before.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final boolean[] failedCalls;
    private final int minimumCalls;
    private final double failureRate;
    private final Duration openFor;
    private final Clock clock;

    private int recorded;
    private int next;
    private int failures;
    private Instant openedAt;
    private boolean trialInFlight;

    /**
     * @param window       how many of the latest calls are judged
     * @param minimumCalls how many must be known before the circuit can open (1..window)
     * @param failureRate  the share of failures among them that opens it (0 < rate ≤ 1)
     */
    public CircuitBreaker(int window, int minimumCalls, double failureRate, Duration openFor, Clock clock) {
        if (window < 1 || minimumCalls < 1 || minimumCalls > window || failureRate <= 0 || failureRate > 1) {
            throw new IllegalArgumentException("window " + window + ", minimum calls " + minimumCalls
                    + ", failure rate " + failureRate);
        }
        this.failedCalls = new boolean[window];
        this.minimumCalls = minimumCalls;
        this.failureRate = failureRate;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** A circuit that opens on the first failure and tries again after {@code openFor}. */
    public static CircuitBreaker openOnFirstFailure(Duration openFor, Clock clock) {
        return new CircuitBreaker(1, 1, 1.0, openFor, clock);
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
        if (openedAt != null) {
            // the trial call came back: a fresh window, so old failures cannot reopen it at once
            reset();
            return;
        }
        record(false);
    }

    public synchronized void onFailure() {
        if (openedAt != null) {
            // a failed trial (or a late failure of a call let out before the circuit opened): stay open
            openedAt = clock.instant();
            trialInFlight = false;
            return;
        }
        record(true);
        if (recorded >= minimumCalls && failures >= failureRate * recorded) {
            openedAt = clock.instant();
        }
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

    private void record(boolean failed) {
        if (recorded == failedCalls.length) {
            if (failedCalls[next]) {
                failures--;
            }
        } else {
            recorded++;
        }
        failedCalls[next] = failed;
        if (failed) {
            failures++;
        }
        next = (next + 1) % failedCalls.length;
    }

    private void reset() {
        java.util.Arrays.fill(failedCalls, false);
        recorded = 0;
        next = 0;
        failures = 0;
        openedAt = null;
        trialInFlight = false;
    }
}
