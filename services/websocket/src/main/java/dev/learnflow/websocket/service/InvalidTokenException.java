package dev.learnflow.websocket.service;

/** An access token that is missing, malformed, badly signed, expired or not for us. */
public class InvalidTokenException extends Exception {

    private final String error;

    /**
     * @param error RFC 6750 error code: {@code invalid_request} (no token) or {@code invalid_token}
     */
    public InvalidTokenException(String error, String description) {
        super(description);
        this.error = error;
    }

    public String error() {
        return error;
    }
}
