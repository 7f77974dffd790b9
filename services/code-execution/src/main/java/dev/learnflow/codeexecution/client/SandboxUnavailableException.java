package dev.learnflow.codeexecution.client;

/** The sandbox cannot run code safely (self-test failed, or shutting down); nothing is run. */
public class SandboxUnavailableException extends RuntimeException {

    public SandboxUnavailableException(String message) {
        super(message);
    }
}
