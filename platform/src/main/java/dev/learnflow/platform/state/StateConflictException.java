package dev.learnflow.platform.state;

/** A conditional write lost: another writer changed (or created) the key since it was read. Read again. */
public class StateConflictException extends RuntimeException {

    public StateConflictException(String key, Throwable cause) {
        super("state key " + key + " changed concurrently", cause);
    }
}
