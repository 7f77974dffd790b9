package dev.learnflow.triage.client;

import io.dapr.client.DaprClient;
import io.dapr.client.domain.State;
import io.dapr.client.domain.StateOptions;
import io.dapr.exceptions.DaprException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Triage's records in the Dapr state store {@code statestore}. Every change is an optimistic read-modify-write
 * (ETag; first-write for a new key): the request handler marking a query routed and the response handler storing
 * its answer may run at the same moment, and neither may undo the other.
 */
@ApplicationScoped
public class StateRecords {

    static final String STORE = "statestore";
    private static final int ATTEMPTS = 6;
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    private final DaprClient dapr;

    public StateRecords(DaprClient dapr) {
        this.dapr = dapr;
    }

    public <T> Optional<T> get(String key, Class<T> type) {
        State<T> state = dapr.getState(STORE, key, type).block(CALL_TIMEOUT);
        return state == null ? Optional.empty() : Optional.ofNullable(state.getValue());
    }

    /** Applies {@code change} to the current value (empty when absent) and saves; returns what was saved. */
    public <T> T update(String key, Class<T> type, Function<Optional<T>, T> change) {
        DaprException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            State<T> state = dapr.getState(STORE, key, type).block(CALL_TIMEOUT);
            Optional<T> current = state == null ? Optional.empty() : Optional.ofNullable(state.getValue());
            String etag = state == null || state.getEtag() == null || state.getEtag().isBlank() ? null
                    : state.getEtag();
            T next = change.apply(current);
            if (current.isPresent() && current.get().equals(next)) {
                return next;
            }
            try {
                dapr.saveState(STORE, key, current.isPresent() ? etag : null, next,
                        new StateOptions(StateOptions.Consistency.STRONG, StateOptions.Concurrency.FIRST_WRITE))
                        .block(CALL_TIMEOUT);
                return next;
            } catch (DaprException e) {
                last = e; // another writer was first: read again and re-apply
            }
        }
        throw last;
    }
}
