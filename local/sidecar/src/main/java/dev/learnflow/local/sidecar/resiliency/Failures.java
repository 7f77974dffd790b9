package dev.learnflow.local.sidecar.resiliency;

/**
 * How an attempt under a resiliency {@link Policy} failed, as daprd tells the cases apart: a permanent failure (not
 * retried, e.g. an ETag conflict), a status code (retried only when the retry policy's {@code matching} allows it),
 * an open circuit breaker, or a policy timeout. Every failure, permanent or not, counts for the circuit breaker.
 */
public final class Failures {

    private Failures() {
    }

    /** Marks a failure that must not be retried (daprd's {@code backoff.Permanent}). */
    public interface NotRetriable {
    }

    /** Wraps any failure so that it is not retried; the policy fails with the wrapped cause. */
    public static final class Permanent extends RuntimeException implements NotRetriable {
        public Permanent(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /**
     * The target answered with a status code daprd counts as a failure (an app's HTTP status outside 200-399).
     * Retried when the retry policy matches the code; when retries end, the caller relays {@link #reply()} as is.
     * {@code matchAnyCode} is for daprd's gRPC InvokeService, where an app's HTTP error is a plain error (every
     * code is retried).
     */
    public static final class CodeError extends RuntimeException {
        private final int statusCode;
        private final transient Object reply;
        private final boolean matchAnyCode;

        public CodeError(int statusCode, Object reply, boolean matchAnyCode) {
            super("status code " + statusCode, null, false, false);
            this.statusCode = statusCode;
            this.reply = reply;
            this.matchAnyCode = matchAnyCode;
        }

        public int statusCode() {
            return statusCode;
        }

        public Object reply() {
            return reply;
        }

        boolean matchAnyCode() {
            return matchAnyCode;
        }
    }

    /** The circuit breaker refused the call: open, or half-open with its trial calls taken (gobreaker's words). */
    public static final class BreakerOpen extends RuntimeException implements NotRetriable {
        public static final String OPEN = "circuit breaker is open";
        public static final String TOO_MANY_REQUESTS = "too many requests";

        BreakerOpen(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The policy's timeout elapsed before the attempt finished (Go's context.DeadlineExceeded); also what a
     * component throws when it cancelled its own work at the deadline.
     */
    public static final class Timeout extends RuntimeException {
        public static final String MESSAGE = "context deadline exceeded";

        public Timeout() {
            super(MESSAGE, null, false, false);
        }
    }

    /** The failure without completion wrappers. */
    public static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof java.util.concurrent.CompletionException
                || c instanceof java.util.concurrent.ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }
}
