package dev.learnflow.local.sidecar;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Asynchronous work whose start may also throw, seen as one future. */
public final class Futures {

    private Futures() {
    }

    /** The future {@code work} returns, or a future failed with what {@code work} threw before returning one. */
    public static <T> CompletableFuture<T> safely(Supplier<CompletableFuture<T>> work) {
        try {
            return work.get();
        } catch (Throwable t) {
            return CompletableFuture.failedFuture(t);
        }
    }
}
