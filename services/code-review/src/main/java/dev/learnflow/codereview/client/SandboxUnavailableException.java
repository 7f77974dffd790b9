package dev.learnflow.codereview.client;

/** The sandbox could not run the analysis right now (down, busy, or its own error): worth retrying later. */
public class SandboxUnavailableException extends RuntimeException {

    public SandboxUnavailableException(String message) {
        super(message);
    }
}
