package dev.learnflow.progress;

import dev.learnflow.local.sidecar.Sidecar;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

/**
 * The StudentActor's state and its midnight reminder live in the actor state store (PostgreSQL, through the
 * sidecar), not in either process: after the sidecar is stopped (which deactivates the actors in the app) and a
 * new one starts, the student is exactly where they were. (The service-process restart is ProgressRestartIT.)
 */
@QuarkusTest
class SidecarRestartTest extends ProgressFixtures {

    @Test
    void actorStateAndReminderSurviveASidecarRestart() throws Exception {
        UUID student = data.student("Asia/Kolkata", null);
        Instant t = Instant.now().minusSeconds(60);
        Events.deliver(mapper, Events.attempt(student, "strings", "ex-1", true, t)).body("status", equalTo("SUCCESS"));
        Events.deliver(mapper, Events.attempt(student, "strings", "ex-2", true, t.plusSeconds(1)))
                .body("status", equalTo("SUCCESS"));
        assertThat(SidecarProbe.reminder(student)).isPresent();

        Sidecar fresh = SidecarRestarts.restart("progress", Duration.ofSeconds(90));
        assertThat(fresh.isHealthy()).isTrue();

        // The reminder was reloaded from the store; the reads are served from the read model (ReadModelTest), and
        // the actor state is read back by a new activation when recording goes on below.
        assertThat(SidecarProbe.reminder(student)).isPresent();
        double pKnown = Caller.student(student).when().get("/internal/students/" + student + "/progress").then()
                .statusCode(200).extract().jsonPath().getDouble("modules[0].topics[2].pKnown");
        assertThat(pKnown).isCloseTo(0.925, within(1e-6));
        Caller.student(student).when().get("/internal/students/" + student + "/streak").then().statusCode(200)
                .body("current", equalTo(1)).body("timezone", equalTo("Asia/Kolkata"));

        // Recording goes on from the saved state (third correct answer: 0.925 -> 0.99196...).
        Events.deliver(mapper, Events.attempt(student, "strings", "ex-3", true, t.plusSeconds(2)))
                .body("status", equalTo("SUCCESS"));
        var topic = SidecarProbe.state(student).orElseThrow().path("topics").path("strings");
        assertThat(topic.path("attempts").asInt()).isEqualTo(3);
        assertThat(topic.path("pKnown").asDouble()).isCloseTo(0.991964285714, within(1e-11));
        assertThat(data.eventLogRows(student)).isEqualTo(3);
    }
}
