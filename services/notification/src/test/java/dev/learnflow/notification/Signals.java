package dev.learnflow.notification;

import dev.learnflow.contracts.domain.AlertSeverity;
import dev.learnflow.contracts.domain.StruggleReason;
import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.StruggleDetected;
import io.dapr.client.DaprClient;
import io.dapr.client.domain.PublishEventRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** struggle.detected events as progress publishes them, published through the service's real sidecar. */
final class Signals {

    private Signals() {
    }

    static CloudEvent<StruggleDetected> repeatedError(UUID student, String topic) {
        return CloudEvent.of(EventTopic.STRUGGLE_DETECTED, "progress", new StruggleDetected(student, null, topic,
                StruggleReason.REPEATED_ERROR, AlertSeverity.HIGH,
                Map.of("errorType", "TypeError", "count", 4, "recent", java.util.List.of("TypeError", "TypeError")),
                Instant.now()));
    }

    static CloudEvent<StruggleDetected> publish(DaprClient dapr, CloudEvent<StruggleDetected> event) {
        dapr.publishEvent(new PublishEventRequest(EventTopic.PUBSUB_NAME, EventTopic.STRUGGLE_DETECTED.topic(), event)
                .setContentType(CloudEvent.MEDIA_TYPE)).block(Duration.ofSeconds(15));
        return event;
    }
}
