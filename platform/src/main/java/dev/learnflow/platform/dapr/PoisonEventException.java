package dev.learnflow.platform.dapr;

/** An event that will never be processable (bad payload, unknown ids): the sidecar drops it to the DLQ. */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }
}
