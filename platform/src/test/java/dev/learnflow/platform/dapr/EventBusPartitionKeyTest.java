package dev.learnflow.platform.dapr;

import dev.learnflow.contracts.domain.AlertSeverity;
import dev.learnflow.contracts.domain.StruggleReason;
import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.StruggleDetected;
import io.dapr.client.domain.PublishEventRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-student events carry Dapr's partitionKey = the student id, so Kafka keeps one student's events in order. */
class EventBusPartitionKeyTest {

    record StudentEvent(String requestId, UUID userId) {
    }

    record CourseEvent(String courseId) {
    }

    record MislabelledEvent(String userId) {
    }

    static StruggleDetected struggle(UUID student) {
        return new StruggleDetected(student, UUID.randomUUID(), "loops", StruggleReason.values()[0],
                AlertSeverity.values()[0], Map.of(), Instant.now());
    }

    @Test
    void aStudentsEventIsKeyedByTheStudent() {
        UUID student = UUID.randomUUID();
        StruggleDetected payload = struggle(student);
        PublishEventRequest request = EventBus.request(CloudEvent.of(EventTopic.STRUGGLE_DETECTED, "test", payload),
                EventTopic.STRUGGLE_DETECTED, EventBus.studentOf(payload));

        assertThat(request.getMetadata()).isEqualTo(Map.of("partitionKey", student.toString()));
        assertThat(request.getTopic()).isEqualTo(EventTopic.STRUGGLE_DETECTED.topic());
        assertThat(request.getContentType()).isEqualTo("application/cloudevents+json");
        assertThat(EventBus.studentOf(new StudentEvent("r1", student))).isEqualTo(student);
    }

    @Test
    void anExplicitStudentWinsAndEventsWithoutOneAreNotKeyed() {
        UUID explicit = UUID.randomUUID();
        CloudEvent<StruggleDetected> event = CloudEvent.of(EventTopic.STRUGGLE_DETECTED, "test",
                struggle(UUID.randomUUID()));
        assertThat(EventBus.request(event, EventTopic.STRUGGLE_DETECTED, explicit).getMetadata())
                .isEqualTo(Map.of("partitionKey", explicit.toString()));
        assertThat(EventBus.studentOf(new CourseEvent("c"))).isNull();
        assertThat(EventBus.studentOf(new MislabelledEvent("not-a-uuid"))).isNull();
        assertThat(EventBus.studentOf("plain string")).isNull();
        PublishEventRequest unkeyed = EventBus.request(event, EventTopic.STRUGGLE_DETECTED, null);
        assertThat(unkeyed.getMetadata() == null || unkeyed.getMetadata().isEmpty()).isTrue();
    }
}
