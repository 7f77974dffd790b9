package dev.learnflow.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event in structured JSON mode, as the Dapr sidecar publishes and delivers it. Services build
 * events with {@link #of} so id, type, time and the Dapr routing fields are never hand-made; consumers use
 * {@code id} for idempotency.
 *
 * @param specversion     always {@code 1.0}
 * @param id              unique per event (a UUID); consumers de-duplicate on it
 * @param source          name of the publishing service, e.g. {@code triage}
 * @param type            e.g. {@code learnflow.progress.recorded}; see {@link EventTopic#type()}
 * @param subject         optional; by convention the user id the event is about
 * @param time            when the event was created (UTC, microsecond precision)
 * @param datacontenttype always {@code application/json}
 * @param topic           Dapr extension: topic the event was published to
 * @param pubsubname      Dapr extension: pub/sub component name ({@value EventTopic#PUBSUB_NAME})
 * @param traceid         Dapr extension: carries the same value as {@code traceparent} (Dapr's older name)
 * @param traceparent     W3C Trace Context {@code traceparent}, set by the sidecar or the publisher
 * @param tracestate      W3C Trace Context {@code tracestate}
 * @param <T>             the payload record of the topic
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "CloudEvents 1.0 envelope (structured JSON mode, with Dapr extensions)")
public record CloudEvent<T>(
        @NotBlank @Pattern(regexp = "^1\\.0$") String specversion,
        @NotBlank String id,
        @NotBlank String source,
        @NotBlank String type,
        String subject,
        Instant time,
        String datacontenttype,
        @NotNull @Valid T data,
        String topic,
        String pubsubname,
        String traceid,
        String traceparent,
        String tracestate) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";
    /** Content type of a whole event in structured mode (what Dapr's raw publish expects). */
    public static final String MEDIA_TYPE = "application/cloudevents+json";

    /**
     * A new event for {@code topic} with a random id and the current time.
     *
     * @param source the publishing service's name
     * @throws IllegalArgumentException if {@code data} is not the topic's payload type
     */
    public static <T> CloudEvent<T> of(EventTopic topic, String source, T data) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(data, "data");
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source must name the publishing service");
        }
        if (!topic.payloadType().isInstance(data)) {
            throw new IllegalArgumentException(topic.topic() + " carries " + topic.payloadType().getSimpleName()
                    + ", not " + data.getClass().getSimpleName());
        }
        return new CloudEvent<>(SPEC_VERSION, UUID.randomUUID().toString(), source, topic.type(), null,
                Instant.now().truncatedTo(ChronoUnit.MICROS), DATA_CONTENT_TYPE, data, topic.topic(),
                EventTopic.PUBSUB_NAME, null, null, null);
    }

    /** The same event with a subject (by convention the user id it is about). */
    public CloudEvent<T> withSubject(String newSubject) {
        return new CloudEvent<>(specversion, id, source, type, newSubject, time, datacontenttype, data, topic,
                pubsubname, traceid, traceparent, tracestate);
    }

    /** The same event carrying W3C trace context, so a trace continues across the broker. */
    public CloudEvent<T> withTrace(String newTraceparent, String newTracestate) {
        return new CloudEvent<>(specversion, id, source, type, subject, time, datacontenttype, data, topic,
                pubsubname, newTraceparent, newTraceparent, newTracestate);
    }

    /** The topic this event's {@code type} belongs to, if it is one of ours. */
    public java.util.Optional<EventTopic> eventTopic() {
        return EventTopic.byType(type);
    }
}
