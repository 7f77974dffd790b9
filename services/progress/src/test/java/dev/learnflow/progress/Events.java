package dev.learnflow.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.contracts.events.ActivityObject;
import dev.learnflow.contracts.events.ActivityResult;
import dev.learnflow.contracts.events.ActivityType;
import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.ProgressRecorded;
import dev.learnflow.contracts.events.Verb;
import io.dapr.client.DaprClient;
import io.dapr.client.domain.PublishEventRequest;
import io.restassured.response.ValidatableResponse;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Builds progress events and gets them to the service: through the real sidecar's pub/sub, or as the sidecar. */
public final class Events {

    private Events() {
    }

    public static CloudEvent<ProgressRecorded> attempt(UUID user, String topic, String exerciseId, boolean success,
                                                       Instant at) {
        return event(user, success ? Verb.PASSED : Verb.FAILED, ActivityType.EXERCISE, exerciseId, topic,
                new ActivityResult(success, success ? 1.0 : 0.0, null, 1500L, null), at);
    }

    public static CloudEvent<ProgressRecorded> run(UUID user, String topic, String errorType, Instant at) {
        return event(user, Verb.RAN, ActivityType.CODE, UUID.randomUUID().toString(), topic,
                new ActivityResult(errorType == null, null, errorType, 40L, null), at);
    }

    public static CloudEvent<ProgressRecorded> event(UUID user, Verb verb, ActivityType type, String objectId,
                                                     String topic, ActivityResult result, Instant at) {
        return CloudEvent.of(EventTopic.PROGRESS_EVENTS, "exercise", new ProgressRecorded(UUID.randomUUID(), user,
                verb, new ActivityObject(type, objectId, topic), result, Map.of("attempt", 1), at))
                .withSubject(user.toString());
    }

    /** POSTs the event to the app exactly as the sidecar delivers it; returns the app's answer. */
    public static ValidatableResponse deliver(ObjectMapper mapper, CloudEvent<?> event) {
        return given().contentType(CloudEvent.MEDIA_TYPE).body(json(mapper, event))
                .when().post("/dapr/events/" + EventTopic.PROGRESS_EVENTS.topic()).then();
    }

    /**
     * Publishes through the app's own sidecar onto Kafka; the sidecar then delivers it to the subscriber. Keyed by
     * the student (the event's subject), so one student's events stay in order on one partition.
     */
    public static void publish(DaprClient dapr, CloudEvent<?> event) {
        dapr.publishEvent(new PublishEventRequest(EventTopic.PUBSUB_NAME, EventTopic.PROGRESS_EVENTS.topic(), event)
                .setContentType(CloudEvent.MEDIA_TYPE).setMetadata(Map.of("partitionKey", event.subject())))
                .block(Duration.ofSeconds(10));
    }

    public static String json(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
