package dev.learnflow.platform.dapr;

import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;
import io.dapr.client.DaprClient;
import io.dapr.client.DaprPreviewClient;
import io.dapr.client.domain.BulkPublishEntry;
import io.dapr.client.domain.BulkPublishRequest;
import io.dapr.client.domain.BulkPublishResponse;
import io.dapr.client.domain.BulkPublishResponseFailedEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes many events of one topic in one request to the sidecar: Dapr's bulk publish API (alpha;
 * {@code BulkPublishEventAlpha1}, which daprd 1.16 and the local sidecar serve, the Kafka component sending the
 * entries as one batch). Each entry is the whole CloudEvent envelope, as {@link EventBus} publishes it, with its own
 * {@code partitionKey} (the student), so per-student order on the topic is the order of the list. Bulk publish is
 * not transactional: each event completes on its own, and only the entries the sidecar reports as failed (or all,
 * when the request itself fails) complete exceptionally, for the caller to retry.
 */
@ApplicationScoped
public class BulkPublisher {

    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(10);

    private final DaprPreviewClient dapr;
    private final String source;

    @Inject
    public BulkPublisher(DaprClient dapr, @ConfigProperty(name = "quarkus.application.name") String source) {
        if (!(dapr instanceof DaprPreviewClient preview)) {
            throw new IllegalStateException("the Dapr client " + dapr.getClass().getName() + " has no bulk publish");
        }
        this.dapr = preview;
        this.source = source;
    }

    /**
     * Publishes {@code payloads} to {@code topic} in one request, each keyed by its {@code userId} as
     * {@link EventBus#publish} keys it; one future per payload, in the same order, completing with its event once
     * the broker has it. Never blocks the caller.
     */
    public <T> List<CompletableFuture<CloudEvent<T>>> publishAll(EventTopic topic, List<T> payloads) {
        List<CloudEvent<T>> events = new ArrayList<>(payloads.size());
        List<CompletableFuture<CloudEvent<T>>> published = new ArrayList<>(payloads.size());
        Map<String, Integer> positionOfEntry = new HashMap<>();
        List<BulkPublishEntry<CloudEvent<T>>> entries = new ArrayList<>(payloads.size());
        for (T payload : payloads) {
            CloudEvent<T> event = CloudEvent.of(topic, source, payload);
            UUID student = EventBus.studentOf(payload);
            // The event id is unique in the request, as the entry id must be.
            entries.add(new BulkPublishEntry<>(event.id(), event, EventBus.CLOUDEVENTS_JSON,
                    student == null ? Map.of() : Map.of(EventBus.PARTITION_KEY, student.toString())));
            positionOfEntry.put(event.id(), events.size());
            events.add(event);
            published.add(new CompletableFuture<>());
        }
        if (payloads.isEmpty()) {
            return published;
        }
        send(topic, entries).whenComplete((response, failure) -> {
            if (failure != null) {
                published.forEach(f -> f.completeExceptionally(failure));
                return;
            }
            for (BulkPublishResponseFailedEntry<CloudEvent<T>> f : response.getFailedEntries()) {
                Integer position = positionOfEntry.get(f.getEntry().getEntryId());
                if (position != null) {
                    published.get(position).completeExceptionally(new IllegalStateException("event "
                            + f.getEntry().getEntryId() + " not published to " + topic.topic() + ": "
                            + f.getErrorMessage()));
                }
            }
            // The rest were published (completing a failed one again changes nothing).
            for (int i = 0; i < events.size(); i++) {
                published.get(i).complete(events.get(i));
            }
        });
        return published;
    }

    /** One bulk request (the SDK's client is a preview client too). */
    private <T> CompletableFuture<BulkPublishResponse<CloudEvent<T>>> send(
            EventTopic topic, List<BulkPublishEntry<CloudEvent<T>>> entries) {
        return dapr.publishEvents(new BulkPublishRequest<>(EventTopic.PUBSUB_NAME, topic.topic(), entries))
                .timeout(PUBLISH_TIMEOUT).toFuture();
    }
}
