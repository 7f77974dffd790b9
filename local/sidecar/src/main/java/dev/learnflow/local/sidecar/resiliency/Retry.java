package dev.learnflow.local.sidecar.resiliency;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A named retry policy as daprd decodes it (dapr/kit's retry.Config with its defaults): {@code constant} waits
 * {@code duration} (default 5 s) between attempts; {@code exponential} starts at {@code initialInterval} (500 ms),
 * multiplies by {@code multiplier} (1.5) up to {@code maxInterval} (60 s), each wait randomised by
 * {@code randomizationFactor} (±50 %), and gives up once {@code maxElapsedTime} (15 min) would pass.
 * {@code maxRetries} bounds the retries after the first attempt (-1, the default: no bound). {@code matching}
 * limits which status codes are retried (HTTP 100-599 and gRPC 0-16 ranges; none given = all).
 */
public record Retry(String name, boolean exponential, Duration duration, Duration initialInterval,
                    double randomizationFactor, double multiplier, Duration maxInterval, Duration maxElapsedTime,
                    long maxRetries, List<int[]> httpStatusCodes, List<int[]> grpcStatusCodes) {

    /** One status-code range of {@code matching}, inclusive. */
    static int[] range(int from, int to) {
        return new int[] {from, to};
    }

    /** Whether a failure with this status code is retried (daprd's statusCodeNeedRetry). */
    public boolean retries(int statusCode) {
        if (statusCode >= 0 && statusCode <= 16) {
            return matches(statusCode, grpcStatusCodes);
        }
        if (statusCode >= 100 && statusCode <= 599) {
            return matches(statusCode, httpStatusCodes);
        }
        return false;
    }

    private static boolean matches(int code, List<int[]> ranges) {
        if (ranges == null) {
            return true;
        }
        for (int[] r : ranges) {
            if (r[0] <= code && code <= r[1]) {
                return true;
            }
        }
        return false;
    }

    /** A fresh back-off for one operation. */
    public Backoff newBackoff() {
        return new Backoff();
    }

    /** The waits of one operation's retries, like cenkalti/backoff under dapr/kit. */
    public final class Backoff {
        private final long started = System.nanoTime();
        private long retries;
        private double currentMillis = initialInterval.toMillis();

        /** Milliseconds to wait before the next attempt, or -1 when the policy gives up. */
        public long next() {
            if (maxRetries >= 0 && retries >= maxRetries) {
                return -1;
            }
            long wait;
            if (!exponential) {
                wait = duration.toMillis();
            } else {
                double delta = randomizationFactor * currentMillis;
                double min = currentMillis - delta;
                double max = currentMillis + delta;
                wait = (long) (min + ThreadLocalRandom.current().nextDouble() * (max - min + 1));
                double maxMillis = maxInterval.toMillis();
                currentMillis = currentMillis >= maxMillis / multiplier ? maxMillis : currentMillis * multiplier;
                long elapsed = Duration.ofNanos(System.nanoTime() - started).toMillis();
                if (!maxElapsedTime.isZero() && elapsed + wait > maxElapsedTime.toMillis()) {
                    return -1;
                }
            }
            retries++;
            return Math.max(0, wait);
        }

        public long retries() {
            return retries;
        }
    }
}
