package dev.learnflow.codeexecution.client;

/** Every sandbox is busy and the wait queue is full (or the wait took too long): the caller should retry. */
public class SandboxBusyException extends RuntimeException {

    private final int retryAfterSeconds;

    public SandboxBusyException(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
