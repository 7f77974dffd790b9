package dev.learnflow.concepts.client;

import dev.learnflow.concepts.config.ConceptsConfig;
import io.dapr.client.DaprClient;
import io.dapr.client.domain.SaveStateRequest;
import io.dapr.client.domain.State;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Request ids already answered, in the Dapr state store with a TTL: the sidecar delivers at least once, and a
 * redelivered request must not publish a second answer and a second progress event.
 */
@ApplicationScoped
public class AnsweredRequests {

    static final String STORE = "statestore";
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    private final DaprClient dapr;
    private final ConceptsConfig config;

    public AnsweredRequests(DaprClient dapr, ConceptsConfig config) {
        this.dapr = dapr;
        this.config = config;
    }

    static String key(UUID requestId) {
        return "answered-" + requestId;
    }

    public boolean contains(UUID requestId) {
        State<String> state = dapr.getState(STORE, key(requestId), String.class).block(CALL_TIMEOUT);
        return state != null && state.getValue() != null;
    }

    public void add(UUID requestId, Instant at) {
        State<String> state = new State<>(key(requestId), at.toString(), null,
                Map.of("ttlInSeconds", Long.toString(config.dedupWindow().toSeconds())), null);
        dapr.saveBulkState(new SaveStateRequest(STORE).setStates(state)).block(CALL_TIMEOUT);
    }
}
