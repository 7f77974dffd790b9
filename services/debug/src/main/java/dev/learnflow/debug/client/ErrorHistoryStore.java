package dev.learnflow.debug.client;

import dev.learnflow.debug.domain.ErrorHistory;
import dev.learnflow.platform.state.StateStore;
import dev.learnflow.platform.state.StateStores;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Error histories in the Dapr state store, one key per student ({@code errors-<userId>}), through platform's
 * {@link StateStore}: updates are optimistic (ETag, first-write for a new key) and re-applied on a lost race, so two
 * debug requests of one student at once never lose an entry.
 */
@ApplicationScoped
public class ErrorHistoryStore {

    static final String KEY_PREFIX = "errors-";

    private final StateStore<ErrorHistory> store;

    @Inject
    public ErrorHistoryStore(StateStores stateStores) {
        this.store = stateStores.of(ErrorHistory.class, KEY_PREFIX);
    }

    public ErrorHistory read(UUID userId) {
        return store.get(userId.toString()).orElseGet(ErrorHistory::empty);
    }

    /** Applies {@code change} and saves, re-reading and re-applying when another writer got there first. */
    public ErrorHistory update(UUID userId, UnaryOperator<ErrorHistory> change) {
        return store.update(userId.toString(), current -> change.apply(current.orElseGet(ErrorHistory::empty)));
    }
}
