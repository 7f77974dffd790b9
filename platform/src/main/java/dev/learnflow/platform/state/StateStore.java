package dev.learnflow.platform.state;

import io.dapr.client.DaprClient;
import io.dapr.client.domain.SaveStateRequest;
import io.dapr.client.domain.State;
import io.dapr.client.domain.StateOptions;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Typed access to one kind of value in the Dapr state store, through the sidecar. Conditional writes use
 * first-write-wins with the ETag read before (none for a key that must not exist yet); a lost race is a
 * {@link StateConflictException}, and {@link #update} re-reads and re-applies a bounded number of times.
 * Made by {@link StateStores#of}.
 */
public final class StateStore<T> {

    static final String TTL_METADATA = "ttlInSeconds";
    private static final StateOptions FIRST_WRITE =
            new StateOptions(StateOptions.Consistency.STRONG, StateOptions.Concurrency.FIRST_WRITE);

    record Settings(String storeName, Duration timeout, int attempts) {
    }

    /** A value as read with the ETag to write it back; both null when the key does not exist. */
    public record Versioned<T>(T value, String etag) {
        public boolean exists() {
            return value != null;
        }

        public Optional<T> asOptional() {
            return Optional.ofNullable(value);
        }

        public T valueOr(T absent) {
            return value != null ? value : absent;
        }
    }

    private final DaprClient dapr;
    private final Settings settings;
    private final Class<T> type;
    private final String keyPrefix;

    StateStore(DaprClient dapr, Settings settings, Class<T> type, String keyPrefix) {
        this.dapr = dapr;
        this.settings = settings;
        this.type = type;
        this.keyPrefix = Objects.requireNonNull(keyPrefix);
    }

    public Optional<T> get(String key) {
        return read(key).asOptional();
    }

    /**
     * The values of several keys in one round trip (the sidecar's bulk get), by key; a key that does not exist is
     * absent from the map.
     */
    public Map<String, T> getAll(java.util.Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        List<String> full = keys.stream().distinct().map(this::fullKey).toList();
        List<State<T>> states = dapr.getBulkState(settings.storeName(), full, type).block(settings.timeout());
        Map<String, T> found = new java.util.HashMap<>();
        for (State<T> state : states == null ? List.<State<T>>of() : states) {
            if (state.getError() != null && !state.getError().isBlank()) {
                throw new IllegalStateException("state " + state.getKey() + " not read: " + state.getError());
            }
            if (state.getValue() != null && state.getKey().startsWith(keyPrefix)) {
                found.put(state.getKey().substring(keyPrefix.length()), state.getValue());
            }
        }
        return found;
    }

    public Versioned<T> read(String key) {
        State<T> state = dapr.getState(settings.storeName(), fullKey(key), type).block(settings.timeout());
        if (state == null || state.getValue() == null) {
            return new Versioned<>(null, null);
        }
        String etag = state.getEtag() == null || state.getEtag().isBlank() ? null : state.getEtag();
        return new Versioned<>(state.getValue(), etag);
    }

    /** Last write wins. */
    public void save(String key, T value) {
        write(key, value, null, null, null);
    }

    /** Last write wins; the store forgets the key after {@code ttl} (at least one second). */
    public void save(String key, T value, Duration ttl) {
        write(key, value, null, ttl, null);
    }

    /**
     * Writes only if the key is unchanged since it was read with {@code etag}, or, with a null etag, only if
     * it does not exist yet.
     *
     * @throws StateConflictException when another writer was first
     */
    public void saveIfUnchanged(String key, T value, String etag) {
        write(key, value, etag, null, FIRST_WRITE);
    }

    /** {@link #saveIfUnchanged(String, Object, String)} with a TTL. */
    public void saveIfUnchanged(String key, T value, String etag, Duration ttl) {
        write(key, value, etag, ttl, FIRST_WRITE);
    }

    public void delete(String key) {
        dapr.deleteState(settings.storeName(), fullKey(key)).block(settings.timeout());
    }

    /** Deletes only if unchanged since read with {@code etag}; false when another writer was first. */
    public boolean deleteIfUnchanged(String key, String etag) {
        try {
            dapr.deleteState(settings.storeName(), fullKey(key), etag, FIRST_WRITE).block(settings.timeout());
            return true;
        } catch (RuntimeException e) {
            if (StateConflicts.isConflict(e)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Applies {@code change} to the current value (empty when absent) and saves it conditionally, re-reading
     * and re-applying when another writer got there first. An unchanged value is not written.
     *
     * @return the value now stored
     * @throws StateConflictException when every attempt lost a race
     */
    public T update(String key, Function<Optional<T>, T> change) {
        return update(key, null, change);
    }

    /**
     * {@link #update(String, Function)} starting from a version the caller has just read ({@code known}, may be
     * null), which saves the first read; a write in between makes the first attempt lose its race, and the next
     * attempts re-read as usual.
     */
    public T update(String key, Versioned<T> known, Function<Optional<T>, T> change) {
        StateConflictException last = null;
        for (int attempt = 0; attempt < settings.attempts(); attempt++) {
            Versioned<T> current = attempt == 0 && known != null ? known : read(key);
            T next = change.apply(current.asOptional());
            if (current.exists() && current.value().equals(next)) {
                return next;
            }
            try {
                saveIfUnchanged(key, next, current.etag());
                return next;
            } catch (StateConflictException e) {
                last = e;
            }
        }
        throw last;
    }

    private void write(String key, T value, String etag, Duration ttl, StateOptions options) {
        Map<String, String> metadata = ttl == null ? Map.of()
                : Map.of(TTL_METADATA, Long.toString(Math.max(1, ttl.toSeconds())));
        State<T> state = new State<>(fullKey(key), value, etag, metadata, options);
        try {
            dapr.saveBulkState(new SaveStateRequest(settings.storeName()).setStates(state)).block(settings.timeout());
        } catch (RuntimeException e) {
            if (options != null && StateConflicts.isConflict(e)) {
                throw new StateConflictException(fullKey(key), e);
            }
            throw e;
        }
    }

    private String fullKey(String key) {
        return keyPrefix + key;
    }
}
