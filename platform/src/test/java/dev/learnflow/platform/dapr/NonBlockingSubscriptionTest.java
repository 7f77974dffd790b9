package dev.learnflow.platform.dapr;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.contracts.domain.AlertSeverity;
import dev.learnflow.contracts.domain.StruggleReason;
import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.StruggleDetected;
import dev.learnflow.local.testing.ConfigOverrides;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A {@link EventHandler#nonBlocking()} handler's subscription: declared with the event-loop route, its events handled
 * on the event loop with the usual answers, and nothing else accepted on that route.
 */
@QuarkusTest
@TestProfile(NonBlockingSubscriptionTest.Profile.class)
class NonBlockingSubscriptionTest {

    public static class Profile extends ConfigOverrides {
        public Profile() {
            super(Map.of());
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(TestStruggleLoopHandler.class);
        }
    }

    @Inject
    ObjectMapper mapper;

    /** What the handler saw of the events with these topic ids (each test uses ids of its own). */
    private static java.util.List<TestStruggleLoopHandler.Seen> seen(String... topicIds) {
        java.util.List<String> ids = java.util.List.of(topicIds);
        return TestStruggleLoopHandler.SEEN.stream().filter(s -> ids.contains(s.topicId())).toList();
    }

    private String event(String topicId) {
        StruggleDetected payload = new StruggleDetected(UUID.randomUUID(), null, topicId, StruggleReason.STUCK,
                AlertSeverity.MEDIUM, Map.of(), Instant.parse("2026-12-03T10:00:00Z"));
        return mapper.valueToTree(CloudEvent.of(EventTopic.STRUGGLE_DETECTED, "progress", payload)).toString();
    }

    @Test
    void theSubscriptionNamesTheEventLoopRoute() {
        given().when().get("/dapr/subscribe").then().statusCode(200)
                .body("find { it.topic == 'struggle.detected' }.route",
                        equalTo("/dapr/events-on-loop/struggle.detected"))
                .body("find { it.topic == 'struggle.detected' }.deadLetterTopic", equalTo("struggle.detected.dlq"));
    }

    @Test
    void eventsAreHandledOnTheEventLoopWithTheHandlersAnswer() {
        given().contentType("application/cloudevents+json").body(event("loops"))
                .when().post("/dapr/events-on-loop/struggle.detected").then().statusCode(200)
                .body("status", equalTo("SUCCESS"));
        given().contentType("application/cloudevents+json").body(event("drop-1"))
                .when().post("/dapr/events-on-loop/struggle.detected").then().statusCode(200)
                .body("status", equalTo("DROP"));

        assertThat(seen("loops", "drop-1")).containsExactly(new TestStruggleLoopHandler.Seen("loops", true),
                new TestStruggleLoopHandler.Seen("drop-1", true));
    }

    @Test
    void aTopicWithoutNonBlockingHandlerIsDroppedThereAndReachesNoHandler() {
        given().contentType("application/cloudevents+json").body(event("elsewhere"))
                .when().post("/dapr/events-on-loop/progress.events").then().statusCode(200)
                .body("status", equalTo("DROP"));

        assertThat(seen("elsewhere")).isEmpty();
    }
}
