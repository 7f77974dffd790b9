package dev.learnflow.platform.dapr;

import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;
import io.dapr.client.DaprClient;
import io.dapr.client.domain.PublishEventRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Publishes domain events through the sidecar's pub/sub component. We send the whole CloudEvent envelope
 * (content type application/cloudevents+json) so our ids and type names survive; Dapr adds topic, pubsubname
 * and trace context.
 */
@ApplicationScoped
public class EventBus {

    static final String CLOUDEVENTS_JSON = "application/cloudevents+json";
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(10);

    private final DaprClient dapr;
    private final String source;

    @Inject
    public EventBus(DaprClient dapr, @ConfigProperty(name = "quarkus.application.name") String source) {
        this.dapr = dapr;
        this.source = source;
    }

    /** Publishes and waits for the sidecar's acknowledgement; call from a worker thread. */
    public <T> CloudEvent<T> publish(EventTopic topic, T payload) {
        CloudEvent<T> event = CloudEvent.of(topic, source, payload);
        request(event, topic).block(PUBLISH_TIMEOUT);
        return event;
    }

    /** Publishes without blocking the caller's thread. */
    public <T> CompletionStage<CloudEvent<T>> publishAsync(EventTopic topic, T payload) {
        CloudEvent<T> event = CloudEvent.of(topic, source, payload);
        return request(event, topic).timeout(PUBLISH_TIMEOUT).thenReturn(event).toFuture();
    }

    private reactor.core.publisher.Mono<Void> request(CloudEvent<?> event, EventTopic topic) {
        PublishEventRequest request = new PublishEventRequest(EventTopic.PUBSUB_NAME, topic.topic(), event)
                .setContentType(CLOUDEVENTS_JSON);
        return dapr.publishEvent(request);
    }
}
