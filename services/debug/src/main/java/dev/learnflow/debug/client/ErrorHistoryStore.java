package dev.learnflow.debug.client;

import dev.learnflow.debug.service.ErrorHistory;
import io.dapr.client.DaprClient;
import io.dapr.client.domain.State;
import io.dapr.client.domain.StateOptions;
import io.dapr.exceptions.DaprException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Error histories in the Dapr state store {@code statestore}, one key per student. Updates are optimistic (ETag,
 * first-write for a new key), so two debug requests of one student at once never lose an entry.
 */
@ApplicationScoped
public class ErrorHistoryStore {

    static final String STORE = "statestore";
    private static final int ATTEMPTS = 5;
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    private final DaprClient dapr;

    public ErrorHistoryStore(DaprClient dapr) {
        this.dapr = dapr;
    }

    static String key(UUID userId) {
        return "errors-" + userId;
    }

    public ErrorHistory read(UUID userId) {
        State<ErrorHistory> state = dapr.getState(STORE, key(userId), ErrorHistory.class).block(CALL_TIMEOUT);
        return state == null || state.getValue() == null ? ErrorHistory.empty() : state.getValue();
    }

    /** Applies {@code change} and saves, re-reading and re-applying when another writer got there first. */
    public ErrorHistory update(UUID userId, UnaryOperator<ErrorHistory> change) {
        DaprException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            State<ErrorHistory> state = dapr.getState(STORE, key(userId), ErrorHistory.class).block(CALL_TIMEOUT);
            ErrorHistory current = state == null || state.getValue() == null ? ErrorHistory.empty() : state.getValue();
            String etag = state == null ? null : blankToNull(state.getEtag());
            ErrorHistory next = change.apply(current);
            if (next.equals(current)) {
                return current;
            }
            try {
                dapr.saveState(STORE, key(userId), etag, next,
                        new StateOptions(StateOptions.Consistency.STRONG, StateOptions.Concurrency.FIRST_WRITE))
                        .block(CALL_TIMEOUT);
                return next;
            } catch (DaprException e) {
                last = e; // someone else wrote in between: read again
            }
        }
        throw last;
    }

    private static String blankToNull(String etag) {
        return etag == null || etag.isBlank() ? null : etag;
    }
}
