package dev.learnflow.codeexecution.client;

import dev.learnflow.codeexecution.config.SandboxConfig;
import dev.learnflow.codeexecution.domain.SandboxJob;
import dev.learnflow.codeexecution.domain.SandboxRun;
import dev.learnflow.platform.concurrent.DaemonThreads;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounded concurrency: {@code size} sandboxes at once (each on its own slot, i.e. its own unprivileged host uid
 * when the service is root), at most {@code queue} requests waiting, each for at most {@code queueTimeout}.
 * Beyond that callers get {@link SandboxBusyException} (HTTP 429 with Retry-After).
 * <p>
 * Slots are handed out in turn, so under a stream of runs every slot's pre-started sandbox has had time to start
 * before its slot comes round again. Once no run has come for {@code pool.keepAllWarmFor}, only the next slot's
 * sandbox is kept started (the others hold ~12 MB each for nothing); the next run wakes them all again.
 */
@ApplicationScoped
public class SandboxPool {

    private static final Logger LOG = Logger.getLogger(SandboxPool.class);

    private final BubblewrapSandbox sandbox;
    private final SandboxStatus status;
    private final int size;
    private final int queue;
    private final long queueTimeoutMs;
    private final BlockingQueue<Integer> freeSlots;
    private final AtomicInteger admitted = new AtomicInteger();
    private final long keepAllWarmNanos;
    private final ScheduledExecutorService idleWatch = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("sandbox-idle-watch"));
    private final AtomicBoolean watching = new AtomicBoolean();
    /** Whether idle pre-started sandboxes were ended, so the next run must pre-start them again. */
    private final AtomicBoolean coolingDown = new AtomicBoolean();
    private volatile long lastActivity = System.nanoTime();

    @Inject
    public SandboxPool(BubblewrapSandbox sandbox, SandboxStatus status, SandboxConfig config) {
        this.sandbox = sandbox;
        this.status = status;
        this.size = config.pool().size() > 0 ? config.pool().size()
                : Math.max(2, Runtime.getRuntime().availableProcessors() * 2);
        this.queue = config.pool().queue() > 0 ? config.pool().queue() : size * 25;
        this.queueTimeoutMs = config.pool().queueTimeout().toMillis();
        this.keepAllWarmNanos = config.pool().keepAllWarmFor().toNanos();
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
        lastActivity = System.nanoTime();
        if (coolingDown.compareAndSet(true, false)) {
            sandbox.enableWarming(size);   // activity again: every slot gets its sandbox back
        }
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
            lastActivity = System.nanoTime();
        }
    }

    /** Pre-starts one idle sandbox per slot (after a passed self-test) and from then on watches for quiet. */
    void prewarm() {
        sandbox.enableWarming(size);
        if (watching.compareAndSet(false, true)) {
            long every = Math.max(TimeUnit.NANOSECONDS.toMillis(keepAllWarmNanos) / 3, 100);
            idleWatch.scheduleWithFixedDelay(this::coolDownWhenQuiet, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** After {@code keepAllWarmFor} without a run, keeps only the sandbox of the slot the next run will take. */
    void coolDownWhenQuiet() {
        if (admitted.get() > 0 || System.nanoTime() - lastActivity < keepAllWarmNanos) {
            return;
        }
        Integer next = freeSlots.peek();
        if (next != null) {
            int ended = sandbox.keepWarmOnly(next);
            if (ended > 0) {
                coolingDown.set(true);
                LOG.debugf("no run for a while: ended %d idle pre-started sandboxes, kept slot %d's", ended, next);
            }
        }
    }

    @PreDestroy
    void stopWatching() {
        idleWatch.shutdownNow();
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
