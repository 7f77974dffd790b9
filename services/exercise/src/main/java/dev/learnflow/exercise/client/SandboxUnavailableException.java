package dev.learnflow.exercise.client;

/** The sandbox could not grade right now (down, busy, or failed on its side): nothing about the submission. */
public class SandboxUnavailableException extends RuntimeException {

    private final boolean busy;

    public SandboxUnavailableException(String message, boolean busy) {
        super(message);
        this.busy = busy;
    }

    /** True when the sandbox asked us to come back later (429), rather than being down. */
    public boolean busy() {
        return busy;
    }
}
