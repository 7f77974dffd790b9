package dev.learnflow.platform.concurrent;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Threads for a service's own background work: daemons, so they never hold the JVM up at shutdown. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** Daemon threads named {@code name-1}, {@code name-2}, … (the name shows in thread dumps and logs). */
    public static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
