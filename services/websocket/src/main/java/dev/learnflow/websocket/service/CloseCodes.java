package dev.learnflow.websocket.service;

/** Why the server closes a socket (RFC 6455 codes; 4xxx are ours, as the RFC reserves them for applications). */
public enum CloseCodes {
    /** The send queue went over its bound: the client reads too slowly and is dropped, not waited for. */
    SLOW_CONSUMER(1008, "send queue full"),
    /** No frame (message or pong) from the client within the idle timeout. */
    IDLE(1001, "idle timeout"),
    /** The access token expired; the client reconnects with a fresh one and resumes. */
    TOKEN_EXPIRED(4401, "token expired"),
    /** The user opened more sockets than allowed; the oldest goes. */
    TOO_MANY_CONNECTIONS(1008, "too many connections"),
    /** This replica is stopping; the client reconnects (to another replica) and resumes. */
    SHUTDOWN(1001, "server shutting down");

    private final int code;
    private final String reason;

    CloseCodes(int code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    /** camelCase name for metrics, e.g. {@code slowConsumer}. */
    public String label() {
        String[] words = name().toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder label = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            label.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return label.toString();
    }
}
