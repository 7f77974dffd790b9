package dev.learnflow.local.sidecar;

/** A configuration problem found at start (bad component file, missing metadata, unknown type...). */
public class SidecarConfigException extends RuntimeException {

    public SidecarConfigException(String message) {
        super(message);
    }

    public SidecarConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
