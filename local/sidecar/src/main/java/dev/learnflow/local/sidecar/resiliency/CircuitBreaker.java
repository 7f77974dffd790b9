package dev.learnflow.local.sidecar.resiliency;

import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One circuit breaker instance with daprd's semantics (daprd wraps sony/gobreaker 0.5): closed, it counts requests,
 * successes and failures (cleared every {@code interval}, never when it is 0) and opens when a failure makes
 * {@code trip} true (default {@code consecutiveFailures > 5}); open, it refuses every call ("circuit breaker is
 * open") for {@code timeout} (default 60 s); then half-open, it lets {@code maxRequests} calls through (default 1;
 * more are refused with "too many requests"), closes after that many consecutive successes and opens again on any
 * failure. A call that started in an earlier state (generation) does not count.
 */
public final class CircuitBreaker {

    /** The breaker's states, named as daprd logs them. */
    public enum State { CLOSED, OPEN, HALF_OPEN }

    /** The settings of a named breaker policy; instances are made per target from it. */
    public record Template(String name, int maxRequests, Duration interval, Duration timeout, TripExpression trip) {
        public Template {
            maxRequests = maxRequests <= 0 ? 1 : maxRequests;
            interval = interval == null || interval.isNegative() ? Duration.ZERO : interval;
            timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? Duration.ofSeconds(60) : timeout;
        }

        public CircuitBreaker newInstance(String instanceName) {
            return new CircuitBreaker(instanceName, this, System::nanoTime);
        }
    }

    private static final System.Logger LOG = System.getLogger(CircuitBreaker.class.getName());

    private final String name;
    private final Template template;
    private final LongSupplier nanoClock;
    private State state = State.CLOSED;
    private long generation;
    private long expiry; // nanoTime; 0 = none
    private long requests;
    private long totalSuccesses;
    private long totalFailures;
    private long consecutiveSuccesses;
    private long consecutiveFailures;

    CircuitBreaker(String name, Template template, LongSupplier nanoClock) {
        this.name = name;
        this.template = template;
        this.nanoClock = nanoClock;
        newGeneration(nanoClock.getAsLong());
    }

    public String name() {
        return name;
    }

    public synchronized State state() {
        return current(nanoClock.getAsLong());
    }

    /** Permission for one call; {@link Permit#done(boolean)} reports its outcome. */
    public interface Permit {
        void done(boolean success);

        /** The call did not happen after all (the app was not there to ask): it counts neither way. */
        void abandon();
    }

    /** Takes a permit, or fails with {@link Failures.BreakerOpen} when the breaker refuses the call. */
    public synchronized Permit acquire() {
        State s = current(nanoClock.getAsLong());
        if (s == State.OPEN) {
            throw new Failures.BreakerOpen(Failures.BreakerOpen.OPEN);
        }
        if (s == State.HALF_OPEN && requests >= template.maxRequests()) {
            throw new Failures.BreakerOpen(Failures.BreakerOpen.TOO_MANY_REQUESTS);
        }
        requests++;
        long before = generation;
        return new Permit() {
            @Override
            public void done(boolean success) {
                after(before, success);
            }

            @Override
            public void abandon() {
                synchronized (CircuitBreaker.this) {
                    if (generation == before && requests > 0) {
                        requests--;
                    }
                }
            }
        };
    }

    private synchronized void after(long before, boolean success) {
        long now = nanoClock.getAsLong();
        State s = current(now);
        if (generation != before) {
            return;
        }
        if (success) {
            totalSuccesses++;
            consecutiveSuccesses++;
            consecutiveFailures = 0;
            if (s == State.HALF_OPEN && consecutiveSuccesses >= template.maxRequests()) {
                set(State.CLOSED, now);
            }
        } else {
            if (s == State.CLOSED) {
                totalFailures++;
                consecutiveFailures++;
                consecutiveSuccesses = 0;
                if (readyToTrip()) {
                    set(State.OPEN, now);
                }
            } else if (s == State.HALF_OPEN) {
                set(State.OPEN, now);
            }
        }
    }

    private boolean readyToTrip() {
        if (template.trip() == null) {
            return consecutiveFailures > 5;
        }
        return template.trip().test(Map.of("requests", requests, "totalSuccesses", totalSuccesses,
                "totalFailures", totalFailures, "consecutiveSuccesses", consecutiveSuccesses,
                "consecutiveFailures", consecutiveFailures));
    }

    private State current(long now) {
        if (state == State.CLOSED && expiry != 0 && expiry - now < 0) {
            newGeneration(now);
        } else if (state == State.OPEN && expiry - now < 0) {
            set(State.HALF_OPEN, now);
        }
        return state;
    }

    private void set(State to, long now) {
        if (state == to) {
            return;
        }
        State from = state;
        state = to;
        newGeneration(now);
        LOG.log(System.Logger.Level.INFO, "Circuit breaker \"{0}\" changed state from {1} to {2}", name,
                label(from), label(to));
    }

    private void newGeneration(long now) {
        generation++;
        requests = 0;
        totalSuccesses = 0;
        totalFailures = 0;
        consecutiveSuccesses = 0;
        consecutiveFailures = 0;
        switch (state) {
            case CLOSED -> expiry = template.interval().isZero() ? 0 : nonZero(now + template.interval().toNanos());
            case OPEN -> expiry = nonZero(now + template.timeout().toNanos());
            default -> expiry = 0;
        }
    }

    private static long nonZero(long t) {
        return t == 0 ? 1 : t;
    }

    static String label(State s) {
        return switch (s) {
            case CLOSED -> "closed";
            case OPEN -> "open";
            case HALF_OPEN -> "half-open";
        };
    }
}
