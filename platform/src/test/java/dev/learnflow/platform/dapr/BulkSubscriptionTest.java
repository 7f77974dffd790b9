package dev.learnflow.platform.dapr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.learnflow.contracts.domain.AlertSeverity;
import dev.learnflow.contracts.domain.StruggleReason;
import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.StruggleDetected;
import dev.learnflow.local.testing.BulkEnvelope;
import dev.learnflow.local.testing.ConfigOverrides;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The bulk route of {@link SubscriptionResource}, called exactly as a Dapr 1.16 sidecar calls it: the subscription
 * declared with {@code bulkSubscribe}, the bulk envelope in, one status per entry out (the handler's, DROP for an
 * entry that is not the topic's CloudEvent, RETRY for all when the batch fails), and 400 for what is no envelope.
 */
@QuarkusTest
@TestProfile(BulkSubscriptionTest.Profile.class)
class BulkSubscriptionTest {

    public static class Profile extends ConfigOverrides {
        public Profile() {
            super(Map.of());
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(TestStruggleBatchHandler.class);
        }
    }

    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void clear() {
        TestStruggleBatchHandler.BATCHES.clear();
    }

    private ObjectNode event(String topicId) {
        StruggleDetected payload = new StruggleDetected(UUID.randomUUID(), null, topicId, StruggleReason.STUCK,
                AlertSeverity.MEDIUM, Map.of(), Instant.parse("2026-12-03T10:00:00Z"));
        return mapper.valueToTree(CloudEvent.of(EventTopic.STRUGGLE_DETECTED, "progress", payload));
    }

    private static String envelope(List<ObjectNode> events) {
        return BulkEnvelope.of("struggle.detected", events);
    }

    private static ValidatableResponse post(String path, String body) {
        return given().contentType("application/json").body(body).when().post(path).then();
    }

    @Test
    void theSubscriptionIsDeclaredWithBulkSubscribeAndTheBulkRoute() {
        given().when().get("/dapr/subscribe").then().statusCode(200)
                .body("find { it.topic == 'struggle.detected' }.route", equalTo("/dapr/bulk/struggle.detected"))
                .body("find { it.topic == 'struggle.detected' }.deadLetterTopic", equalTo("struggle.detected.dlq"))
                .body("find { it.topic == 'struggle.detected' }.bulkSubscribe.enabled", equalTo(true))
                .body("find { it.topic == 'struggle.detected' }.bulkSubscribe.maxMessagesCount", equalTo(50))
                .body("find { it.topic == 'struggle.detected' }.bulkSubscribe.maxAwaitDurationMs", equalTo(20))
                .body("pubsubname", hasItem("kafka-pubsub"));
    }

    @Test
    void eachEntryGetsItsOwnStatusAndUnreadableEntriesAreDropped() {
        ObjectNode unreadable = event("never-seen");
        unreadable.remove("data");
        post("/dapr/bulk/struggle.detected", envelope(List.of(event("loops"), event("retry-1"), unreadable,
                event("drop-1"), event("strings"))))
                .statusCode(200)
                .body("statuses.entryId", equalTo(List.of("0", "1", "2", "3", "4")))
                .body("statuses.status", equalTo(List.of("SUCCESS", "RETRY", "DROP", "DROP", "SUCCESS")));
        assertThat(TestStruggleBatchHandler.BATCHES).as("one batch, readable events in order")
                .containsExactly(List.of("loops", "retry-1", "drop-1", "strings"));
    }

    @Test
    void aFailingBatchIsRetriedWhole() {
        post("/dapr/bulk/struggle.detected", envelope(List.of(event("loops"), event("boom"))))
                .statusCode(200)
                .body("statuses.status", equalTo(List.of("RETRY", "RETRY")));
    }

    @Test
    void anEventDeliveredAloneIsABatchOfOne() {
        post("/dapr/events/struggle.detected", event("retry-2").toString()).statusCode(200)
                .body("status", equalTo("RETRY"));
        assertThat(TestStruggleBatchHandler.BATCHES).containsExactly(List.of("retry-2"));
    }

    @Test
    void aTopicWithoutHandlerDropsEveryEntry() {
        post("/dapr/bulk/nobody.listens", envelope(List.of(event("loops")))).statusCode(200)
                .body("statuses[0].status", equalTo("DROP"));
    }

    @Test
    void aBlockingHandlersBatchIsNeverRunOnTheEventLoop() {
        post("/dapr/bulk-on-loop/struggle.detected", envelope(List.of(event("loops"), event("strings"))))
                .statusCode(200)
                .body("statuses.status", equalTo(List.of("DROP", "DROP")));
        assertThat(TestStruggleBatchHandler.BATCHES).as("what /dapr/subscribe did not announce as non-blocking")
                .isEmpty();
    }

    @Test
    void whatIsNoBulkEnvelopeIsABadRequest() {
        post("/dapr/bulk/struggle.detected", "{\"id\":\"x\"}").statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400));
        post("/dapr/bulk/struggle.detected", "{\"entries\":[{\"event\":{}}]}").statusCode(400)
                .contentType("application/problem+json");
        assertThat(TestStruggleBatchHandler.BATCHES).isEmpty();
    }
}
