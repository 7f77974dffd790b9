package dev.learnflow.progress;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Struggle rules end to end: events in, {@code struggle.detected} out on Kafka, once per cool-down. */
@QuarkusTest
class StruggleDetectionTest extends ProgressFixtures {

    private void deliverAt(Instant at, dev.learnflow.contracts.events.CloudEvent<?> event) {
        clock.set(at);
        Events.deliver(mapper, event).statusCode(200).body("status", equalTo("SUCCESS"));
    }

    @Test
    void theSameErrorRepeatedIsSignalledOncePerCooldown() {
        UUID teacher = data.teacher();
        UUID student = data.student("UTC", teacher);
        Instant t0 = Instant.parse("2025-10-06T09:00:00Z");
        for (int i = 0; i < 5; i++) { // five TypeErrors in five minutes: the rule fires at the third
            Instant at = t0.plus(Duration.ofMinutes(i));
            deliverAt(at, Events.run(student, "strings", "TypeError", at));
        }
        List<JsonNode> signals = StruggleTopic.eventsAbout(student);
        assertThat(signals).hasSize(1);
        JsonNode first = signals.get(0);
        assertThat(first.path("type").asText()).isEqualTo("learnflow.struggle.detected");
        assertThat(first.path("source").asText()).isEqualTo("progress");
        JsonNode payload = first.path("data");
        assertThat(payload.path("teacherId").asText()).isEqualTo(teacher.toString());
        assertThat(payload.path("topicId").asText()).isEqualTo("strings");
        assertThat(payload.path("reason").asText()).isEqualTo("repeated_error");
        assertThat(payload.path("severity").asText()).isEqualTo("medium");
        assertThat(payload.path("evidence").path("errorType").asText()).isEqualTo("TypeError");
        assertThat(payload.path("evidence").path("count").asInt()).isEqualTo(3);
        assertThat(Instant.parse(payload.path("detectedAt").asText()))
                .isBetween(t0.plus(Duration.ofMinutes(2)), t0.plus(Duration.ofMinutes(3)));

        // A day later the cool-down (24 h) is over: three more fire once more.
        Instant t1 = t0.plus(Duration.ofHours(25));
        for (int i = 0; i < 3; i++) {
            Instant at = t1.plus(Duration.ofMinutes(i));
            deliverAt(at, Events.run(student, "strings", "TypeError", at));
        }
        signals = StruggleTopic.eventsAbout(student);
        assertThat(signals).hasSize(2);
        assertThat(signals).extracting(s -> s.path("data").path("reason").asText())
                .containsExactly("repeated_error", "repeated_error");
    }

    @Test
    void failingOneExerciseAgainAndAgainIsARepeatedFailureAndThenStuck() {
        UUID student = data.student("UTC", data.teacher());
        Instant t0 = Instant.parse("2025-10-07T14:00:00Z");
        int[] minutes = {0, 10, 20, 31};
        for (int m : minutes) {
            Instant at = t0.plus(Duration.ofMinutes(m));
            deliverAt(at, Events.attempt(student, "conditionals", "e0000000-0000-4000-8000-000000000201", false, at));
        }
        List<JsonNode> signals = StruggleTopic.eventsAbout(student);
        assertThat(signals).extracting(s -> s.path("data").path("reason").asText())
                .containsExactlyInAnyOrder("repeated_failure", "stuck");
        JsonNode failure = signals.stream().filter(s -> s.path("data").path("reason").asText()
                .equals("repeated_failure")).findFirst().orElseThrow().path("data");
        assertThat(failure.path("evidence").path("failures").asInt()).isEqualTo(3);
        assertThat(failure.path("evidence").path("objectId").asText())
                .isEqualTo("e0000000-0000-4000-8000-000000000201");
        JsonNode stuck = signals.stream().filter(s -> s.path("data").path("reason").asText().equals("stuck"))
                .findFirst().orElseThrow().path("data");
        assertThat(stuck.path("evidence").path("minutes").asInt()).isEqualTo(31);
        assertThat(stuck.path("topicId").asText()).isEqualTo("conditionals");
    }

    @Test
    void aRedeliveredEventDoesNotSignalAgain() {
        UUID student = data.student("UTC", null);
        Instant t0 = Instant.parse("2025-10-08T08:00:00Z");
        deliverAt(t0, Events.run(student, "lists", "IndexError", t0));
        deliverAt(t0.plusSeconds(30), Events.run(student, "lists", "IndexError", t0.plusSeconds(30)));
        var third = Events.run(student, "lists", "IndexError", t0.plusSeconds(60));
        deliverAt(t0.plusSeconds(60), third);
        deliverAt(t0.plusSeconds(90), third); // the sidecar delivers it again
        List<JsonNode> signals = StruggleTopic.eventsAbout(student);
        assertThat(signals).hasSize(1);
        assertThat(signals.get(0).path("data").path("teacherId").isMissingNode()
                || signals.get(0).path("data").path("teacherId").isNull()).isTrue();
    }
}
