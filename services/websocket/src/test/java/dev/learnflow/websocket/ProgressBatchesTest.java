package dev.learnflow.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.ProgressRecorded;
import dev.learnflow.local.testing.BulkEnvelope;
import dev.learnflow.local.testing.SocketClient;
import dev.learnflow.platform.dapr.EventBus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * {@code progress.events} as a Dapr bulk subscription: declared with {@code bulkSubscribe} on the event-loop bulk
 * route, delivered through the real sidecar over Kafka in batches, each student's summaries in the order they
 * were published and none lost; a batch (or an entry of it) delivered again reaches no socket twice, and an
 * unusable entry is dropped alone.
 */
@QuarkusTest
class ProgressBatchesTest {

    private static final String BULK_ROUTE = "/dapr/bulk-on-loop/progress.events";

    @Inject
    EventBus events;

    @Inject
    ObjectMapper mapper;

    @Test
    void progressEventsAreABulkSubscriptionOnTheEventLoop() {
        given().when().get("/dapr/subscribe").then().statusCode(200)
                .body("find { it.topic == 'progress.events' }.route", equalTo(BULK_ROUTE))
                .body("find { it.topic == 'progress.events' }.deadLetterTopic", equalTo("progress.events.dlq"))
                .body("find { it.topic == 'progress.events' }.bulkSubscribe.enabled", equalTo(true))
                .body("find { it.topic == 'progress.events' }.bulkSubscribe.maxMessagesCount", equalTo(100))
                // Answers stay single deliveries: they are what a student waits for.
                .body("find { it.topic == 'learning.responses' }.route",
                        equalTo("/dapr/events-on-loop/learning.responses"))
                .body("find { it.topic == 'learning.responses' }.bulkSubscribe", equalTo(null));
    }

    @Test
    void everyStudentGetsAllTheirSummariesInPublishOrderAndNobodyElses() {
        List<UUID> students = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        Map<UUID, SocketClient> sockets = new LinkedHashMap<>();
        try {
            for (UUID s : students) {
                sockets.put(s, SocketClient.connect(Tokens.valid(s, "student")));
            }
            Map<UUID, List<String>> published = new LinkedHashMap<>();
            // Interleaved, so each partition's batches mix students.
            for (int round = 0; round < 15; round++) {
                for (UUID s : students) {
                    CloudEvent<ProgressRecorded> e = events.publish(EventTopic.PROGRESS_EVENTS,
                            Events.failedExercise(s));
                    published.computeIfAbsent(s, k -> new ArrayList<>()).add(e.id());
                }
            }
            for (UUID s : students) {
                List<String> received = new ArrayList<>();
                for (int i = 0; i < published.get(s).size(); i++) {
                    JsonNode summary = sockets.get(s).nextOfType("progress.recorded");
                    received.add(summary.path("id").asText());
                }
                assertThat(received).as("student %s: all of theirs, in publish order", s)
                        .containsExactlyElementsOf(published.get(s));
            }
        } finally {
            sockets.values().forEach(SocketClient::close);
        }
    }

    @Test
    void aBatchDeliveredAgainReachesTheSocketOnceAndAnUnusableEntryIsDroppedAlone() {
        UUID ada = UUID.randomUUID();
        try (SocketClient socket = SocketClient.connect(Tokens.valid(ada, "student"))) {
            ObjectNode first = event(ada);
            ObjectNode withoutVerb = event(ada);
            ((ObjectNode) withoutVerb.path("data")).remove("verb");
            ObjectNode second = event(ada);
            String batch = envelope(List.of(first, withoutVerb, second));

            postBatch(batch).statusCode(200)
                    .body("statuses.entryId", equalTo(List.of("0", "1", "2")))
                    .body("statuses.status", equalTo(List.of("SUCCESS", "DROP", "SUCCESS")));
            // The sidecar retries a batch (or the entries of it it has no SUCCESS for) after a failure.
            postBatch(batch).statusCode(200)
                    .body("statuses.status", equalTo(List.of("SUCCESS", "DROP", "SUCCESS")));
            postBatch(envelope(List.of(second))).statusCode(200).body("statuses[0].status", equalTo("SUCCESS"));
            ObjectNode marker = event(ada);
            postBatch(envelope(List.of(marker))).statusCode(200);

            assertThat(socket.nextOfType("progress.recorded").path("id").asText())
                    .isEqualTo(first.path("id").asText());
            assertThat(socket.nextOfType("progress.recorded").path("id").asText())
                    .isEqualTo(second.path("id").asText());
            assertThat(socket.nextOfType("progress.recorded").path("id").asText()).as("no copy before the marker")
                    .isEqualTo(marker.path("id").asText());
        }
    }

    private ObjectNode event(UUID student) {
        return mapper.valueToTree(CloudEvent.of(EventTopic.PROGRESS_EVENTS, "progress",
                Events.failedExercise(student)));
    }

    private static String envelope(List<ObjectNode> cloudEvents) {
        return BulkEnvelope.of("progress.events", cloudEvents);
    }

    private static ValidatableResponse postBatch(String body) {
        return given().contentType("application/json").body(body).when().post(BULK_ROUTE).then();
    }
}
