package dev.learnflow.codeexecution.client;

import dev.learnflow.codeexecution.config.SandboxConfig;
import dev.learnflow.codeexecution.domain.SandboxJob;
import dev.learnflow.codeexecution.domain.SandboxRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounded concurrency: {@code size} sandboxes at once (each on its own slot, i.e. its own unprivileged host uid
 * when the service is root), at most {@code queue} requests waiting, each for at most {@code queueTimeout}.
 * Beyond that callers get {@link SandboxBusyException} (HTTP 429 with Retry-After).
 */
@ApplicationScoped
public class SandboxPool {

    private final BubblewrapSandbox sandbox;
    private final SandboxStatus status;
    private final int size;
    private final int queue;
    private final long queueTimeoutMs;
    private final BlockingQueue<Integer> freeSlots;
    private final AtomicInteger admitted = new AtomicInteger();

    @Inject
    public SandboxPool(BubblewrapSandbox sandbox, SandboxStatus status, SandboxConfig config) {
        this.sandbox = sandbox;
        this.status = status;
        this.size = config.pool().size() > 0 ? config.pool().size()
                : Math.max(2, Runtime.getRuntime().availableProcessors() * 2);
        this.queue = config.pool().queue() > 0 ? config.pool().queue() : size * 25;
        this.queueTimeoutMs = config.pool().queueTimeout().toMillis();
        this.freeSlots = new ArrayBlockingQueue<>(size, true); // fair: first come, first served
        for (int i = 0; i < size; i++) {
            freeSlots.add(i);
        }
    }

    /** Runs a job once the self-test has passed; refuses (fail closed) otherwise. */
    public SandboxRun run(SandboxJob job) {
        if (!status.healthy()) {
            throw new SandboxUnavailableException(status.verdict().detail());
        }
        return runUnchecked(job);
    }

    /** Runs a job whatever the self-test said: only the self-test itself uses this. */
    SandboxRun runUnchecked(SandboxJob job) {
        return runUnchecked(job, false);
    }

    SandboxRun runUnchecked(SandboxJob job, boolean inspectUids) {
        if (admitted.incrementAndGet() > size + queue) {
            admitted.decrementAndGet();
            throw new SandboxBusyException("all " + size + " sandboxes are busy and " + queue
                    + " requests are already waiting", retryAfterSeconds());
        }
        Integer slot = null;
        try {
            slot = freeSlots.poll(queueTimeoutMs, TimeUnit.MILLISECONDS);
            if (slot == null) {
                throw new SandboxBusyException("no sandbox became free within " + queueTimeoutMs + " ms",
                        retryAfterSeconds());
            }
            return sandbox.execute(job, slot, inspectUids);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxUnavailableException("interrupted while waiting for a sandbox");
        } finally {
            if (slot != null) {
                freeSlots.add(slot);
            }
            admitted.decrementAndGet();
        }
    }

    /** Pre-starts one idle sandbox per slot (after a passed self-test). */
    void prewarm() {
        sandbox.enableWarming(size);
    }

    public int size() {
        return size;
    }

    public int queueCapacity() {
        return queue;
    }

    /** Running plus waiting. */
    public int inFlight() {
        return admitted.get();
    }

    private int retryAfterSeconds() {
        return 1;
    }
}
