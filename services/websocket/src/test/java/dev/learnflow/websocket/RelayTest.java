package dev.learnflow.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.ExerciseGenerated;
import dev.learnflow.contracts.events.LearningResponded;
import dev.learnflow.contracts.events.ProgressRecorded;
import dev.learnflow.local.testing.SocketClient;
import dev.learnflow.platform.dapr.EventBus;
import io.dapr.client.DaprClient;
import io.dapr.client.domain.PublishEventRequest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events published through the real sidecar onto the embedded Kafka come back through the service's sidecar
 * subscription and reach the sockets of the user they are for, and only those.
 */
@QuarkusTest
class RelayTest {

    @Inject
    EventBus events;

    @Inject
    DaprClient dapr;

    @Test
    void aStudentGetsTheirAnswerOnEveryTabAndNeverAnotherStudents() {
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        try (SocketClient adaLaptop = SocketClient.connect(Tokens.valid(ada, "student"));
             SocketClient adaPhone = SocketClient.connect(Tokens.valid(ada, "student"));
             SocketClient bobLaptop = SocketClient.connect(Tokens.valid(bob, "student"))) {
            CloudEvent<LearningResponded> adaFirst = events.publish(EventTopic.LEARNING_RESPONSES,
                    Events.answer(ada, "A list is an ordered, mutable sequence."));
            CloudEvent<LearningResponded> bobOnly = events.publish(EventTopic.LEARNING_RESPONSES,
                    Events.answer(bob, "A tuple is immutable."));
            CloudEvent<LearningResponded> adaSecond = events.publish(EventTopic.LEARNING_RESPONSES,
                    Events.answer(ada, "Slices copy."));
            CloudEvent<LearningResponded> bobLast = events.publish(EventTopic.LEARNING_RESPONSES,
                    Events.answer(bob, "Dicts map keys to values."));

            for (SocketClient tab : new SocketClient[]{adaLaptop, adaPhone}) {
                JsonNode first = tab.nextRelayed();
                assertThat(first.path("id").asText()).isEqualTo(adaFirst.id());
                assertThat(first.path("type").asText()).isEqualTo("learning.response");
                assertThat(first.path("correlationId").asText()).isEqualTo(adaFirst.data().requestId().toString());
                assertThat(first.path("payload").path("text").asText())
                        .isEqualTo("A list is an ordered, mutable sequence.");
                assertThat(first.path("payload").path("kind").asText()).isEqualTo("concept");
                assertThat(first.path("payload").path("data").path("visualization").path("kind").asText())
                        .isEqualTo("table");
                assertThat(first.path("at").asText()).isNotBlank();
                // Bob's answer was published in between: Ada's next message must be her own second answer.
                assertThat(tab.nextRelayed().path("id").asText()).isEqualTo(adaSecond.id());
            }
            assertThat(bobLaptop.nextRelayed().path("id").asText()).isEqualTo(bobOnly.id());
            assertThat(bobLaptop.nextRelayed().path("id").asText()).isEqualTo(bobLast.id());
        }
    }

    @Test
    void progressSummariesAndNewExercisesReachTheStudent() {
        UUID ada = UUID.randomUUID();
        try (SocketClient client = SocketClient.connect(Tokens.valid(ada, "student"))) {
            CloudEvent<ProgressRecorded> failed = events.publish(EventTopic.PROGRESS_EVENTS,
                    Events.failedExercise(ada));
            JsonNode summary = client.nextOfType("progress.recorded");
            assertThat(summary.path("id").asText()).isEqualTo(failed.id());
            assertThat(summary.path("correlationId").asText()).isEqualTo(failed.data().requestId().toString());
            assertThat(summary.path("payload").path("verb").asText()).isEqualTo("failed");
            assertThat(summary.path("payload").path("object").path("type").asText()).isEqualTo("exercise");
            assertThat(summary.path("payload").path("success").asBoolean(true)).isFalse();
            assertThat(summary.path("payload").path("errorType").asText()).isEqualTo("NameError");
            // A summary, not the statement: the student's raw answer and context stay out of the socket.
            assertThat(summary.path("payload").has("response")).isFalse();
            assertThat(summary.path("payload").has("context")).isFalse();

            CloudEvent<ExerciseGenerated> exercise = events.publish(EventTopic.EXERCISE_GENERATED,
                    Events.exercise(ada));
            JsonNode generated = client.nextOfType("exercise.generated");
            assertThat(generated.path("id").asText()).isEqualTo(exercise.id());
            assertThat(generated.path("payload").path("exerciseId").asText())
                    .isEqualTo(exercise.data().exerciseId().toString());
            assertThat(generated.path("payload").path("title").asText()).isEqualTo("Swap two values");
        }
    }

    @Test
    void aRedeliveredEventIsSentOnce() {
        UUID ada = UUID.randomUUID();
        try (SocketClient client = SocketClient.connect(Tokens.valid(ada, "student"))) {
            CloudEvent<LearningResponded> event = CloudEvent.of(EventTopic.LEARNING_RESPONSES, "concepts",
                    Events.answer(ada, "once"));
            publishAsIs(event);
            publishAsIs(event); // at-least-once delivery: the same CloudEvent id again
            CloudEvent<LearningResponded> marker = events.publish(EventTopic.LEARNING_RESPONSES,
                    Events.answer(ada, "marker"));
            assertThat(client.nextRelayed().path("id").asText()).isEqualTo(event.id());
            assertThat(client.nextRelayed().path("id").asText()).isEqualTo(marker.id());
        }
    }

    private void publishAsIs(CloudEvent<?> event) {
        dapr.publishEvent(new PublishEventRequest(EventTopic.PUBSUB_NAME, event.topic(), event)
                .setContentType(CloudEvent.MEDIA_TYPE)).block(Duration.ofSeconds(10));
    }
}
