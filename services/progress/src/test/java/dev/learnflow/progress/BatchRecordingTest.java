package dev.learnflow.progress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.learnflow.contracts.events.ActivityObject;
import dev.learnflow.contracts.events.ActivityResult;
import dev.learnflow.contracts.events.ActivityType;
import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.ProgressRecorded;
import dev.learnflow.contracts.events.Verb;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

/**
 * progress.events in bulk, as the sidecar delivers a batch of one partition ({@code POST /dapr/bulk/progress.events},
 * Dapr's bulk envelope): several students, an event twice in the batch, one recorded before, bad ones; every
 * event applied exactly once (actor state, progress mirror, event_log), a status per entry, and the same batch
 * delivered again changes nothing.
 */
@QuarkusTest
class BatchRecordingTest extends ProgressFixtures {

    private ValidatableResponse deliverBatch(List<CloudEvent<ProgressRecorded>> events) {
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("id", UUID.randomUUID().toString()).put("type", "com.dapr.event.sent.bulk")
                .put("topic", EventTopic.PROGRESS_EVENTS.topic()).put("pubsubname", EventTopic.PUBSUB_NAME);
        envelope.putObject("metadata").put("pubsubName", EventTopic.PUBSUB_NAME);
        ArrayNode entries = envelope.putArray("entries");
        for (int i = 0; i < events.size(); i++) {
            ObjectNode entry = entries.addObject().put("entryId", Integer.toString(i));
            entry.set("event", mapper.valueToTree(events.get(i)));
            entry.put("contentType", CloudEvent.MEDIA_TYPE).putObject("metadata")
                    .put("__key", events.get(i).data().userId().toString());
        }
        return given().contentType("application/json").body(envelope.toString())
                .when().post("/dapr/bulk/" + EventTopic.PROGRESS_EVENTS.topic()).then().statusCode(200);
    }

    @Test
    void aBatchOfSeveralStudentsWithDuplicatesIsAppliedExactlyOnce() {
        UUID ada = data.student("Europe/Berlin", data.teacher());
        UUID bob = data.student("UTC", null);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
        CloudEvent<ProgressRecorded> adaPass = Events.attempt(ada, "for-loops", "ex-1", true, t0);
        CloudEvent<ProgressRecorded> adaFail = Events.attempt(ada, "for-loops", "ex-2", false, t0.plusSeconds(1));
        CloudEvent<ProgressRecorded> adaRun = Events.run(ada, "strings", "TypeError", t0.plusSeconds(2));
        CloudEvent<ProgressRecorded> bobPass = Events.attempt(bob, "lists", "ex-3", true, t0.plusSeconds(3));
        CloudEvent<ProgressRecorded> bobEarlier = Events.attempt(bob, "lists", "ex-4", true, t0.minusSeconds(30));
        CloudEvent<ProgressRecorded> stranger = Events.attempt(UUID.randomUUID(), "lists", "ex-5", true, t0);
        CloudEvent<ProgressRecorded> unknownTopic = Events.attempt(bob, "no-such-topic", "ex-6", true, t0);
        CloudEvent<ProgressRecorded> invalid = CloudEvent.of(EventTopic.PROGRESS_EVENTS, "exercise",
                new ProgressRecorded(null, bob, Verb.ANSWERED, new ActivityObject(ActivityType.QUIZ, "q", "strings"),
                        new ActivityResult(false, 7.5, null, null, null), Map.of(), t0));
        // One of Bob's events was recorded before, alone.
        Events.deliver(mapper, bobEarlier).statusCode(200).body("status", equalTo("SUCCESS"));

        List<CloudEvent<ProgressRecorded>> batch = List.of(adaPass, bobEarlier, adaFail, stranger, adaPass, bobPass,
                invalid, adaRun, unknownTopic);
        deliverBatch(batch)
                .body("statuses.entryId", equalTo(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8")))
                .body("statuses.status", equalTo(List.of("SUCCESS", "SUCCESS", "SUCCESS", "DROP", "SUCCESS",
                        "SUCCESS", "DROP", "SUCCESS", "DROP")));

        assertExactlyOnce(ada, bob, adaPass, adaFail, adaRun);

        // The whole batch again (the sidecar redelivers a batch whole): acknowledged, nothing applied twice.
        deliverBatch(batch).body("statuses.status", equalTo(List.of("SUCCESS", "SUCCESS", "SUCCESS", "DROP",
                "SUCCESS", "SUCCESS", "DROP", "SUCCESS", "DROP")));
        assertExactlyOnce(ada, bob, adaPass, adaFail, adaRun);
    }

    @Test
    void theStruggleSignalsOfABatchArePublishedTogetherEachForItsStudentOnce() {
        UUID teacher = data.teacher();
        UUID ada = data.student("UTC", teacher);
        UUID bob = data.student("UTC", teacher);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(600);
        // Three TypeErrors each within minutes: the repeated-error rule fires at each student's third.
        List<CloudEvent<ProgressRecorded>> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            batch.add(Events.run(ada, "strings", "TypeError", t0.plusSeconds(60L * i)));
            batch.add(Events.run(bob, "lists", "IndexError", t0.plusSeconds(60L * i + 1)));
        }
        deliverBatch(batch).body("statuses.status", equalTo(List.of("SUCCESS", "SUCCESS", "SUCCESS", "SUCCESS",
                "SUCCESS", "SUCCESS")));

        List<JsonNode> adaSignals = StruggleTopic.eventsAbout(ada);
        List<JsonNode> bobSignals = StruggleTopic.eventsAbout(bob);
        assertThat(adaSignals).hasSize(1);
        assertThat(bobSignals).hasSize(1);
        assertThat(adaSignals.get(0).path("data").path("topicId").asText()).isEqualTo("strings");
        assertThat(adaSignals.get(0).path("data").path("teacherId").asText()).isEqualTo(teacher.toString());
        assertThat(bobSignals.get(0).path("data").path("evidence").path("errorType").asText())
                .isEqualTo("IndexError");
        assertThat(adaSignals.get(0).path("id").asText()).as("one CloudEvent per signal")
                .isNotEqualTo(bobSignals.get(0).path("id").asText());

        // Delivered again whole: recorded before, so nothing is published again.
        deliverBatch(batch).body("statuses.status", equalTo(List.of("SUCCESS", "SUCCESS", "SUCCESS", "SUCCESS",
                "SUCCESS", "SUCCESS")));
        assertThat(StruggleTopic.eventsAbout(ada)).hasSize(1);
        assertThat(StruggleTopic.eventsAbout(bob)).hasSize(1);
    }

    private void assertExactlyOnce(UUID ada, UUID bob, CloudEvent<ProgressRecorded> adaPass,
                                   CloudEvent<ProgressRecorded> adaFail, CloudEvent<ProgressRecorded> adaRun) {
        assertThat(data.eventLogRows(ada)).isEqualTo(3);
        assertThat(data.eventLogRows(bob)).isEqualTo(2);
        for (CloudEvent<ProgressRecorded> e : List.of(adaPass, adaFail, adaRun)) {
            assertThat(data.eventLogRow(UUID.fromString(e.id()))).isPresent();
        }

        JsonNode adaState = SidecarProbe.state(ada).orElseThrow();
        JsonNode loops = adaState.path("topics").path("for-loops");
        assertThat(loops.path("attempts").asInt()).isEqualTo(2);
        assertThat(loops.path("correct").asInt()).isEqualTo(1);
        // BKT applied in delivery order, once each: 0.1 → pass 0.55 → fail, as the single-event path computes it.
        double afterPass = 0.55;
        double wrong = afterPass * 0.1 / (afterPass * 0.1 + (1 - afterPass) * 0.9);
        assertThat(loops.path("pKnown").asDouble()).isCloseTo(wrong + (1 - wrong) * 0.1, within(1e-9));
        assertThat(adaState.path("errorTypes").path("TypeError").path("count").asInt()).isEqualTo(1);
        assertThat(adaState.path("recentActivity").size()).isEqualTo(3);
        assertThat(data.progressRow(ada, "for-loops").orElseThrow().getInteger("attempts")).isEqualTo(2);
        assertThat(data.progressRow(ada, "for-loops").orElseThrow().getInteger("correct")).isEqualTo(1);

        JsonNode bobState = SidecarProbe.state(bob).orElseThrow();
        assertThat(bobState.path("topics").path("lists").path("attempts").asInt()).isEqualTo(2);
        assertThat(bobState.path("recentActivity").size()).isEqualTo(2);
        assertThat(data.progressRow(bob, "lists").orElseThrow().getInteger("attempts")).isEqualTo(2);
        assertThat(data.progressRow(bob, "strings")).isEmpty();
    }
}
