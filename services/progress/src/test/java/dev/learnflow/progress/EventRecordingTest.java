package dev.learnflow.progress;

import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.contracts.events.ActivityObject;
import dev.learnflow.contracts.events.ActivityResult;
import dev.learnflow.contracts.events.ActivityType;
import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.ProgressRecorded;
import dev.learnflow.contracts.events.Verb;
import dev.learnflow.local.testing.GatewayUsers;
import io.dapr.client.DaprClient;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * progress.events end to end: published through the real sidecar onto (embedded) Kafka, delivered by the sidecar,
 * applied by the student's actor, mirrored into the progress table and event_log (xAPI statements).
 */
@QuarkusTest
class EventRecordingTest extends ProgressFixtures {

    @Inject
    DaprClient dapr;

    @Test
    void aPublishedAttemptReachesTheActorTheProgressTableAndTheEventLog() {
        UUID teacher = data.teacher();
        UUID student = data.student("Europe/Berlin", teacher);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        CloudEvent<ProgressRecorded> passed = Events.attempt(student, "for-loops", "e0000000-0000-4000-8000-000000000201",
                true, at);
        Events.publish(dapr, passed);

        UUID statementId = UUID.fromString(passed.id());
        await("event_log row").atMost(Duration.ofSeconds(30)).until(() -> data.eventLogRow(statementId).isPresent());

        JsonNode topic = SidecarProbe.state(student).orElseThrow().path("topics").path("for-loops");
        assertThat(topic.path("pKnown").asDouble()).isCloseTo(0.55, within(1e-12));
        assertThat(topic.path("attempts").asInt()).isEqualTo(1);

        Row progress = data.progressRow(student, "for-loops").orElseThrow();
        assertThat(progress.getDouble("p_known")).isCloseTo(0.55, within(1e-12));
        assertThat(progress.getString("mastery_level")).isEqualTo("developing");
        assertThat(progress.getInteger("attempts")).isEqualTo(1);
        assertThat(progress.getInteger("correct")).isEqualTo(1);
        assertThat(progress.getOffsetDateTime("last_activity_at").toInstant()).isEqualTo(at);

        Row log = data.eventLogRow(statementId).orElseThrow();
        assertThat(log.getString("verb")).isEqualTo("passed");
        assertThat(log.getString("object_type")).isEqualTo("exercise");
        assertThat(log.getString("topic_id")).isEqualTo("for-loops");
        assertThat(log.getJsonObject("result").getBoolean("success")).isTrue();
        assertThat(log.getJsonObject("context").getString("source")).isEqualTo("exercise");
        assertThat(log.getOffsetDateTime("occurred_at").toInstant()).isEqualTo(at);
        var statement = log.getJsonObject("statement");
        assertThat(statement.getString("id")).isEqualTo(passed.id());
        assertThat(statement.getJsonObject("actor").getJsonObject("account").getString("name"))
                .isEqualTo(student.toString());
        assertThat(statement.getJsonObject("verb").getString("id")).isEqualTo("http://adlnet.gov/expapi/verbs/passed");
        assertThat(statement.getJsonObject("object").getString("id"))
                .endsWith("/xapi/activities/exercise/e0000000-0000-4000-8000-000000000201");
        assertThat(statement.getJsonObject("result").getJsonObject("score").getDouble("scaled")).isEqualTo(1.0);
        assertThat(statement.getJsonObject("result").getString("duration")).isEqualTo("PT1.5S");
        assertThat(statement.getJsonObject("context").getJsonObject("contextActivities").getJsonArray("parent")
                .getJsonObject(0).getString("id")).endsWith("/xapi/activities/topic/for-loops");
        assertThat(Instant.parse(statement.getString("timestamp"))).isEqualTo(at);
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        UUID student = data.student("UTC", null);
        CloudEvent<ProgressRecorded> failed = Events.run(student, "strings", "TypeError", Instant.now());
        Events.publish(dapr, failed);
        UUID statementId = UUID.fromString(failed.id());
        await().atMost(Duration.ofSeconds(30)).until(() -> data.eventLogRow(statementId).isPresent());

        // The same CloudEvent (same id) again: once through Kafka, once as a direct redelivery from the sidecar.
        Events.publish(dapr, failed);
        Events.deliver(mapper, failed).statusCode(200).body("status", equalTo("SUCCESS"));
        // A marker published after the duplicate, on the same partition (keyed by student): once the marker is
        // recorded, the duplicate has been delivered and handled too.
        CloudEvent<ProgressRecorded> marker = Events.run(student, "strings", null, Instant.now());
        Events.publish(dapr, marker);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> data.eventLogRow(UUID.fromString(marker.id())).isPresent());

        assertThat(data.eventLogRows(student)).isEqualTo(2);
        JsonNode state = SidecarProbe.state(student).orElseThrow();
        assertThat(state.path("topics").path("strings").path("attempts").asInt()).isEqualTo(2);
        assertThat(state.path("errorTypes").path("TypeError").path("count").asInt()).isEqualTo(1);
        assertThat(state.path("recentActivity").size()).isEqualTo(2);
        assertThat(data.progressRow(student, "strings").orElseThrow().getInteger("attempts")).isEqualTo(2);
    }

    @Test
    void whileTheGatewayIsDownAnEventIsRetriedThenRecordedOnce() {
        UUID student = data.student("Pacific/Auckland", data.teacher());
        CloudEvent<ProgressRecorded> passed = Events.attempt(student, "lists", "ex-gw", true, Instant.now());
        UUID statementId = UUID.fromString(passed.id());
        var askedForStudent = getRequestedFor(urlEqualTo("/internal/users/" + student));
        try (GatewayUsers.Outage down = GatewayUsers.outage()) {
            // Who the student is (time zone, teacher) is unknown for now: retry, never drop.
            Events.deliver(mapper, passed).statusCode(200).body("status", equalTo("RETRY"));
            Events.publish(dapr, passed);
            // The sidecar redelivers while the gateway stays down: at least two more tries fail.
            await("redeliveries").atMost(Duration.ofSeconds(30))
                    .until(() -> GatewayUsers.gateway().findAll(askedForStudent).size() >= 3);
            assertThat(data.eventLogRow(statementId)).isEmpty();
            assertThat(SidecarProbe.state(student)).isEmpty();
        }
        await("recorded once the gateway is back").atMost(Duration.ofSeconds(30))
                .until(() -> data.eventLogRow(statementId).isPresent());
        assertThat(data.eventLogRows(student)).isEqualTo(1);
        JsonNode state = SidecarProbe.state(student).orElseThrow();
        assertThat(state.path("topics").path("lists").path("attempts").asInt()).isEqualTo(1);
        assertThat(state.path("timezone").asText()).isEqualTo("Pacific/Auckland");
        GatewayUsers.gateway().verify(askedForStudent.withHeader("dapr-caller-app-id",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("progress")));
    }

    @Test
    void unknownStudentsTopicsAndInvalidPayloadsAreDroppedToTheDeadLetterTopic() {
        Events.deliver(mapper, Events.attempt(UUID.randomUUID(), "strings", "x", true, Instant.now()))
                .statusCode(200).body("status", equalTo("DROP"));
        UUID student = data.student("UTC", null);
        Events.deliver(mapper, Events.attempt(student, "no-such-topic", "x", true, Instant.now()))
                .statusCode(200).body("status", equalTo("DROP"));
        CloudEvent<ProgressRecorded> invalid = CloudEvent.of(EventTopic.PROGRESS_EVENTS, "exercise",
                new ProgressRecorded(null, student, Verb.ANSWERED, new ActivityObject(ActivityType.QUIZ, "q",
                        "strings"), new ActivityResult(false, 7.5, null, null, null), Map.of(), Instant.now()));
        Events.deliver(mapper, invalid).statusCode(200).body("status", equalTo("DROP"));
        assertThat(data.eventLogRows(student)).isZero();
        assertThat(SidecarProbe.state(student)).isEmpty();
    }
}
