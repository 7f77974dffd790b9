package dev.learnflow.k8s.render;

/** A kustomization the renderer cannot render faithfully: it fails instead of guessing. */
public class KustomizeException extends RuntimeException {

    public KustomizeException(String message) {
        super(message);
    }

    public KustomizeException(String message, Throwable cause) {
        super(message, cause);
    }
}
