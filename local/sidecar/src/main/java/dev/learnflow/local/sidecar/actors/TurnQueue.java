package dev.learnflow.local.sidecar.actors;

import dev.learnflow.local.sidecar.Futures;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Turn-based concurrency for one actor: one turn at a time, in arrival order (FIFO, so fair), without holding a
 * thread while waiting. A turn ends when the future its work returned completes.
 */
final class TurnQueue {

    private final Executor executor;
    private final Deque<Runnable> waiting = new ArrayDeque<>();
    private boolean busy;
    private long lastUsed = System.currentTimeMillis();

    TurnQueue(Executor executor) {
        this.executor = executor;
    }

    <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable turn = () -> {
            Futures.safely(work).whenComplete((v, e) -> {
                release();
                if (e != null) {
                    result.completeExceptionally(e);
                } else {
                    result.complete(v);
                }
            });
        };
        boolean now;
        synchronized (this) {
            now = !busy;
            if (now) {
                busy = true;
            } else {
                waiting.addLast(turn);
            }
        }
        if (now) {
            executor.execute(turn);
        }
        return result;
    }

    private void release() {
        Runnable next;
        synchronized (this) {
            lastUsed = System.currentTimeMillis();
            next = waiting.pollFirst();
            if (next == null) {
                busy = false;
            }
        }
        if (next != null) {
            executor.execute(next);
        }
    }

    synchronized boolean idleSince(long millisAgo) {
        return !busy && waiting.isEmpty() && System.currentTimeMillis() - lastUsed >= millisAgo;
    }

    synchronized long lastUsed() {
        return lastUsed;
    }

    synchronized boolean isIdle() {
        return !busy && waiting.isEmpty();
    }
}
