package dev.learnflow.local.sidecar.resiliency;

import dev.learnflow.local.sidecar.Futures;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * The policies that apply to one operation, run the way daprd's resiliency runner does: each attempt gets the
 * timeout, runs through the circuit breaker (a timed-out or otherwise failed attempt is a failure, a refused call
 * fails at once) and the retry policy repeats failed attempts after its back-off, except permanent failures
 * ({@link Failures.NotRetriable}), breaker refusals and status codes its {@code matching} excludes. The operation
 * goes on in the background after a timeout; its late answer is ignored.
 */
public final class Policy {

    private static final System.Logger LOG = System.getLogger(Policy.class.getName());

    private final String name;
    private final Duration timeout;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final ScheduledExecutorService scheduler;
    private final Executor executor;

    Policy(String name, Duration timeout, Retry retry, CircuitBreaker breaker, ScheduledExecutorService scheduler,
           Executor executor) {
        this.name = name;
        this.timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? null : timeout;
        this.retry = retry;
        this.breaker = breaker;
        this.scheduler = scheduler;
        this.executor = executor;
    }

    /** A policy of a timeout and a retry made outside any Resiliency document (null: none). */
    public static Policy of(String name, Duration timeout, Retry retry, ScheduledExecutorService scheduler,
                            Executor executor) {
        return new Policy(name, timeout, retry, null, scheduler, executor);
    }

    /** No timeout, no retry, no breaker: one attempt. */
    public static Policy none() {
        return new Policy("none", null, null, null, null, Runnable::run);
    }

    public String name() {
        return name;
    }

    public Duration timeout() {
        return timeout;
    }

    public Retry retry() {
        return retry;
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    public boolean isEmpty() {
        return timeout == null && retry == null && breaker == null;
    }

    /**
     * Runs {@code operation} (given the attempt number, from 1) under the policies. The future fails with the last
     * attempt's failure, unwrapped from {@link Failures.Permanent}; a {@link Failures.CodeError} carries the reply
     * of the last attempt.
     */
    public <T> CompletableFuture<T> run(IntFunction<CompletableFuture<T>> operation) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Retry.Backoff backoff = retry == null ? null : retry.newBackoff();
        attemptLoop(operation, 1, backoff, result);
        return result;
    }

    private <T> void attemptLoop(IntFunction<CompletableFuture<T>> operation, int attempt, Retry.Backoff backoff,
                                 CompletableFuture<T> result) {
        attempt(operation, attempt).whenComplete((value, error) -> {
            if (error == null) {
                if (attempt > 1) {
                    LOG.log(System.Logger.Level.INFO, "Recovered processing operation {0} after {1} attempts", name,
                            attempt);
                }
                result.complete(value);
                return;
            }
            Throwable failure = Failures.unwrap(error);
            long wait = backoff != null && retriable(failure) ? backoff.next() : -1;
            if (wait < 0) {
                result.completeExceptionally(failure instanceof Failures.Permanent p ? p.getCause() : failure);
                return;
            }
            if (attempt == 1) {
                LOG.log(System.Logger.Level.WARNING, "Error processing operation {0}. Retrying in {1} ms ({2})", name,
                        wait, failure.getMessage());
            }
            scheduler.schedule(() -> executor.execute(() -> attemptLoop(operation, attempt + 1, backoff, result)),
                    wait, TimeUnit.MILLISECONDS);
        });
    }

    private boolean retriable(Throwable failure) {
        if (failure instanceof Failures.NotRetriable) {
            return false;
        }
        if (failure instanceof Failures.CodeError code) {
            return code.matchAnyCode() || retry.retries(code.statusCode());
        }
        return true;
    }

    private <T> CompletableFuture<T> attempt(IntFunction<CompletableFuture<T>> operation, int attempt) {
        CircuitBreaker.Permit permit;
        try {
            permit = breaker == null ? null : breaker.acquire();
        } catch (Failures.BreakerOpen refused) {
            return CompletableFuture.failedFuture(refused);
        }
        CompletableFuture<T> call = Futures.safely(() -> operation.apply(attempt));
        if (timeout != null) {
            call = withTimeout(call);
        }
        if (permit != null) {
            call = call.whenComplete((v, e) -> permit.done(e == null));
        }
        return call;
    }

    private <T> CompletableFuture<T> withTimeout(CompletableFuture<T> call) {
        CompletableFuture<T> bounded = new CompletableFuture<>();
        ScheduledFuture<?> timer = scheduler.schedule(() -> bounded.completeExceptionally(new Failures.Timeout()),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
        call.whenComplete((v, e) -> {
            timer.cancel(false);
            if (e == null) {
                bounded.complete(v);
            } else {
                bounded.completeExceptionally(Failures.unwrap(e));
            }
        });
        return bounded;
    }

    @Override
    public String toString() {
        return "Policy[" + name + ", timeout=" + timeout + ", retry=" + (retry == null ? "-" : retry.name())
                + ", circuitBreaker=" + (breaker == null ? "-" : breaker.name()) + "]";
    }
}
