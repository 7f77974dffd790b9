package dev.learnflow.local.sidecar.state;

/** An ETag check failed: the stored ETag differs (MISMATCH) or the given one cannot be an ETag (INVALID). */
public class ETagException extends Exception {

    public enum Kind { MISMATCH, INVALID }

    private final Kind kind;

    public ETagException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static ETagException mismatch(String key) {
        return new ETagException(Kind.MISMATCH, "possible etag mismatch. error from state store: etag mismatch for key " + key);
    }

    public static ETagException invalid(String etag) {
        return new ETagException(Kind.INVALID, "invalid etag value: " + etag);
    }
}
