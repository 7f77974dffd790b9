package dev.learnflow.gateway.client;

import java.util.ArrayDeque;

/**
 * How many calls to the backends are out at once. Up to {@code maxInFlight} go out; later ones wait in arrival
 * order, holding no thread, until one of those ends and hands its slot on; beyond {@code maxWaiting} waiting calls
 * the gateway refuses at once.
 *
 * <p>Why (issue 19, bench/mesh at 500 users): without a bound every user's request went straight into the mesh, so
 * hundreds of half-done requests shared the two cores (each with its connections and buffers) and the slowest of
 * them ran past the route's timeout. Waiting here costs a queue entry, and what is out finishes quickly.
 */
final class Bulkhead {

    enum Admission { NOW, QUEUED, FULL }

    private final int maxInFlight;
    private final int maxWaiting;
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private int inFlight;

    Bulkhead(int maxInFlight, int maxWaiting) {
        if (maxInFlight < 1 || maxWaiting < 0) {
            throw new IllegalArgumentException("in flight " + maxInFlight + ", waiting " + maxWaiting);
        }
        this.maxInFlight = maxInFlight;
        this.maxWaiting = maxWaiting;
    }

    /**
     * A call asks for a slot: {@link Admission#NOW} (it has one and goes out), {@link Admission#QUEUED}
     * ({@code startLater} runs once a slot is handed to it; it then holds that slot) or {@link Admission#FULL}.
     */
    synchronized Admission enter(Runnable startLater) {
        if (inFlight < maxInFlight) {
            inFlight++;
            return Admission.NOW;
        }
        if (waiting.size() >= maxWaiting) {
            return Admission.FULL;
        }
        waiting.addLast(startLater);
        return Admission.QUEUED;
    }

    /** A call that held a slot ended: the slot goes to the call that has waited longest, if any. */
    void leave() {
        Runnable next;
        synchronized (this) {
            next = waiting.pollFirst();
            if (next == null) {
                inFlight--;
                return;
            }
        }
        next.run();
    }

    synchronized int inFlight() {
        return inFlight;
    }

    synchronized int waiting() {
        return waiting.size();
    }
}
