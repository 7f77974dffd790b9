package dev.learnflow.platform.state;

import java.time.Duration;

/**
 * Idempotency for consumers: the sidecar delivers at least once, so a consumer asks {@link #seen} before acting
 * and calls {@link #markHandled} after. Entries expire after the TTL the consumer chose (longer than any
 * redelivery). Made by {@link StateStores#processedEvents}.
 */
public final class ProcessedEvents {

    private static final String MARKER = "handled";

    private final StateStore<String> store;
    private final Duration ttl;

    ProcessedEvents(StateStore<String> store, Duration ttl) {
        this.store = store;
        this.ttl = ttl;
    }

    public boolean seen(String id) {
        return store.get(id).isPresent();
    }

    public void markHandled(String id) {
        store.save(id, MARKER, ttl);
    }
}
