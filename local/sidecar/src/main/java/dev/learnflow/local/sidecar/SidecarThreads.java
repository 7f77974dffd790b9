package dev.learnflow.local.sidecar;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sidecar's own threads (workers, timers, Kafka polls, the app watcher) are daemons: in-process sidecars never
 * hold the JVM of a test or of the launcher up at exit.
 */
public final class SidecarThreads {

    private SidecarThreads() {
    }

    /** A daemon thread, not yet started, with this name (it shows in thread dumps and logs). */
    public static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Daemon threads named {@code prefix-1}, {@code prefix-2}, … */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> daemon(prefix + "-" + count.incrementAndGet(), task);
    }
}
