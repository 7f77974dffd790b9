package dev.learnflow.websocket.service;

/**
 * An access token that is missing, malformed, badly signed, expired or not for us. It knows its RFC 6750
 * {@code WWW-Authenticate} challenge: {@code invalid_request} when no token came, {@code invalid_token} otherwise.
 */
public class InvalidTokenException extends Exception {

    private final boolean missing;

    private InvalidTokenException(boolean missing, String description) {
        super(description);
        this.missing = missing;
    }

    /** No token in the query or the Authorization header. */
    public static InvalidTokenException missing() {
        return new InvalidTokenException(true, "access token missing");
    }

    /** A token came but is not one of ours, or no longer valid; {@code description} says why. */
    public static InvalidTokenException invalid(String description) {
        return new InvalidTokenException(false, description);
    }

    /** The {@code WWW-Authenticate} value of the 401 that refuses the upgrade. */
    public String challenge() {
        return "Bearer realm=\"learnflow\", error=\"" + (missing ? "invalid_request" : "invalid_token")
                + "\", error_description=\"" + getMessage() + "\"";
    }
}
