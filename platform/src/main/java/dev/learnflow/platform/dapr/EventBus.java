package dev.learnflow.platform.dapr;

import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;
import io.dapr.client.DaprClient;
import io.dapr.client.domain.PublishEventRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Publishes domain events through the sidecar's pub/sub component. We send the whole CloudEvent envelope
 * (content type application/cloudevents+json) so our ids and type names survive; Dapr adds topic, pubsubname
 * and trace context.
 *
 * <p>Every event about a student is published with Dapr's {@code partitionKey} metadata = the student's id: the
 * Kafka component uses it as the message key, so one student's events land on one partition and are consumed in
 * the order they were published, however many partitions a topic has. The key is the explicit {@code studentId},
 * else the payload's {@code userId} record component (every LearnFlow event names its student so).
 */
@ApplicationScoped
public class EventBus {

    static final String CLOUDEVENTS_JSON = "application/cloudevents+json";
    /** Dapr's pub/sub metadata naming the message key (Kafka: the partition). */
    static final String PARTITION_KEY = "partitionKey";
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
        return publish(topic, studentOf(payload), payload);
    }

    /** As {@link #publish(EventTopic, Object)}, ordered per {@code studentId} (null: no ordering needed). */
    public <T> CloudEvent<T> publish(EventTopic topic, UUID studentId, T payload) {
        CloudEvent<T> event = CloudEvent.of(topic, source, payload);
        dapr.publishEvent(request(event, topic, studentId)).block(PUBLISH_TIMEOUT);
        return event;
    }

    /** Publishes without blocking the caller's thread. */
    public <T> CompletionStage<CloudEvent<T>> publishAsync(EventTopic topic, T payload) {
        return publishAsync(topic, studentOf(payload), payload);
    }

    /** As {@link #publishAsync(EventTopic, Object)}, ordered per {@code studentId} (null: no ordering needed). */
    public <T> CompletionStage<CloudEvent<T>> publishAsync(EventTopic topic, UUID studentId, T payload) {
        CloudEvent<T> event = CloudEvent.of(topic, source, payload);
        return dapr.publishEvent(request(event, topic, studentId)).timeout(PUBLISH_TIMEOUT).thenReturn(event)
                .toFuture();
    }

    /** The publish request: the envelope, and Dapr's partitionKey metadata when the event is a student's. */
    static PublishEventRequest request(CloudEvent<?> event, EventTopic topic, UUID studentId) {
        PublishEventRequest request = new PublishEventRequest(EventTopic.PUBSUB_NAME, topic.topic(), event)
                .setContentType(CLOUDEVENTS_JSON);
        if (studentId != null) {
            request.setMetadata(Map.of(PARTITION_KEY, studentId.toString()));
        }
        return request;
    }

    /** The student a payload is about: its {@code userId} record component, if it has one of type UUID. */
    static UUID studentOf(Object payload) {
        if (payload == null) {
            return null;
        }
        java.lang.reflect.Method accessor = USER_ID.get(payload.getClass()).orElse(null);
        if (accessor == null) {
            return null;
        }
        try {
            return (UUID) accessor.invoke(payload);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read userId of " + payload.getClass().getName(), e);
        }
    }

    /** Each payload type's {@code userId} accessor, looked up once per type rather than on every publish. */
    private static final ClassValue<java.util.Optional<java.lang.reflect.Method>> USER_ID = new ClassValue<>() {
        @Override
        protected java.util.Optional<java.lang.reflect.Method> computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return java.util.Optional.empty();
            }
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getName().equals("userId") && component.getType() == UUID.class) {
                    java.lang.reflect.Method accessor = component.getAccessor();
                    accessor.trySetAccessible();
                    return java.util.Optional.of(accessor);
                }
            }
            return java.util.Optional.empty();
        }
    };
}
