package dev.learnflow.exercise.client;

import dev.learnflow.exercise.service.AttemptHistory;
import io.dapr.client.DaprClient;
import io.dapr.client.domain.State;
import io.dapr.client.domain.StateOptions;
import io.dapr.exceptions.DaprException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Attempt histories in the Dapr state store (through the sidecar), one key per student and exercise. Writes are
 * optimistic (ETag, first-write for a new key) so two submissions racing for the last attempt cannot both count.
 */
@ApplicationScoped
public class AttemptStore {

    static final String STORE = "statestore";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final StateOptions FIRST_WRITE =
            new StateOptions(StateOptions.Consistency.STRONG, StateOptions.Concurrency.FIRST_WRITE);

    private final DaprClient dapr;

    @Inject
    public AttemptStore(DaprClient dapr) {
        this.dapr = dapr;
    }

    /** A history as read, with the ETag to write it back (null for a student's first attempt). */
    public record Versioned(AttemptHistory history, String etag) {
    }

    /** The write lost a race with another one; read again and retry. */
    public static class ConflictException extends RuntimeException {
        public ConflictException(Throwable cause) {
            super("attempt history changed concurrently", cause);
        }
    }

    public Versioned load(UUID student, UUID exercise) {
        State<AttemptHistory> state = dapr.getState(STORE, key(student, exercise), AttemptHistory.class)
                .block(TIMEOUT);
        if (state == null || state.getValue() == null) {
            return new Versioned(AttemptHistory.empty(), null);
        }
        return new Versioned(state.getValue(), Optional.ofNullable(state.getEtag()).filter(e -> !e.isBlank())
                .orElse(null));
    }

    /** @throws ConflictException when someone else wrote the key since it was read */
    public void save(UUID student, UUID exercise, AttemptHistory history, String etag) {
        try {
            dapr.saveState(STORE, key(student, exercise), etag, history, FIRST_WRITE).block(TIMEOUT);
        } catch (DaprException e) {
            if (isConflict(e)) {
                throw new ConflictException(e);
            }
            throw e;
        }
    }

    static boolean isConflict(DaprException e) {
        String code = String.valueOf(e.getErrorCode());
        String message = String.valueOf(e.getMessage());
        return code.contains("ABORTED") || code.contains("ERR_STATE_SAVE") || message.contains("ABORTED")
                || message.toLowerCase(java.util.Locale.ROOT).contains("etag");
    }

    public static String key(UUID student, UUID exercise) {
        return "attempts-" + student + "-" + exercise;
    }
}
