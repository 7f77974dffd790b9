package dev.learnflow.codereview.client;

import dev.learnflow.codereview.config.ReviewConfig;
import io.dapr.client.DaprClient;
import io.dapr.client.domain.State;
import io.dapr.client.domain.SaveStateRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Map;

/**
 * Remembers the CloudEvent ids already reviewed, in the Dapr state store (through the sidecar), so an event
 * the sidecar delivers twice is answered once. Entries expire after {@code learnflow.review.processed-ttl}.
 */
@ApplicationScoped
public class ProcessedEvents {

    static final String STORE = "statestore";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final DaprClient dapr;
    private final ReviewConfig config;

    @Inject
    public ProcessedEvents(DaprClient dapr, ReviewConfig config) {
        this.dapr = dapr;
        this.config = config;
    }

    public boolean seen(String eventId) {
        State<String> state = dapr.getState(STORE, key(eventId), String.class).block(TIMEOUT);
        return state != null && state.getValue() != null;
    }

    public void remember(String eventId) {
        String ttl = Long.toString(config.processedTtl().toSeconds());
        State<String> marker = new State<>(key(eventId), "reviewed", null, Map.of("ttlInSeconds", ttl), null);
        dapr.saveBulkState(new SaveStateRequest(STORE).setStates(marker)).block(TIMEOUT);
    }

    static String key(String eventId) {
        return "reviewed-event-" + eventId;
    }
}
