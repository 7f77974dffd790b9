package dev.learnflow.codereview;

import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.CodeSubmitted;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.local.testing.SubscriberApp;
import io.dapr.client.DaprClient;
import io.dapr.client.domain.PublishEventRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The whole path through real infrastructure: a CodeSubmitted event published on code.submissions (embedded
 * Kafka, through the local sidecar), reviewed with the real sandbox, answered on learning.responses and recorded
 * on progress.events, as a subscriber app in the same mesh receives them.
 */
@QuarkusTest
class CodeSubmissionFlowTest {

    private static SubscriberApp probe;

    @Inject
    DaprClient dapr;

    @BeforeAll
    static void startProbe() {
        probe = SubscriberApp.start("review-probe", EventTopic.LEARNING_RESPONSES.topic(),
                EventTopic.PROGRESS_EVENTS.topic());
    }

    @AfterAll
    static void stopProbe() {
        probe.close();
    }

    @Test
    void submissionIsAnsweredWithFindingsAndRecordedAsProgress() {
        CodeSubmitted submission = submission("def addItem(item, items=[]):\n    items.append(item)\n    return items\n");
        publish(CloudEvent.of(EventTopic.CODE_SUBMISSIONS, "triage", submission), "k1");

        JsonNode answer = probe.await("learning.responses",
                e -> e.path("data").path("requestId").asText().equals(submission.requestId().toString())).get(0);
        JsonNode data = answer.path("data");
        assertThat(answer.path("source").asText()).isEqualTo("code-review");
        assertThat(answer.path("type").asText()).isEqualTo(EventTopic.LEARNING_RESPONSES.type());
        assertThat(data.path("kind").asText()).isEqualTo("review");
        assertThat(data.path("userId").asText()).isEqualTo(submission.userId().toString());
        assertThat(data.path("text").asText()).contains("mutable-default-argument").contains("Line 1");
        JsonNode review = data.path("data");
        assertThat(review.path("score").asInt()).isBetween(0, 99);
        assertThat(review.path("summary").asText()).isNotBlank();
        assertThat(review.path("findings")).anySatisfy(f -> {
            assertThat(f.path("rule").asText()).isEqualTo("mutable-default-argument");
            assertThat(f.path("line").asInt()).isEqualTo(1);
            assertThat(f.path("severity").asText()).isEqualTo("error");
            assertThat(f.path("explanation").asText()).isNotBlank();
            assertThat(f.path("suggestion").asText()).contains("items=None");
        });

        JsonNode progress = probe.await("progress.events",
                e -> e.path("data").path("requestId").asText().equals(submission.requestId().toString())).get(0);
        assertThat(progress.path("data").path("verb").asText()).isEqualTo("reviewed");
        assertThat(progress.path("data").path("object").path("type").asText()).isEqualTo("review");
        assertThat(progress.path("data").path("object").path("id").asText())
                .isEqualTo(submission.submissionId().toString());
        assertThat(progress.path("data").path("result").path("score").asDouble())
                .isEqualTo(review.path("score").asInt() / 100.0);
    }

    @Test
    void redeliveredEventIsReviewedOnce() {
        CodeSubmitted first = submission("x = 1\nprint(x)\n");
        CloudEvent<CodeSubmitted> event = CloudEvent.of(EventTopic.CODE_SUBMISSIONS, "triage", first);
        publish(event, "dup");
        publish(event, "dup"); // same CloudEvent id: a redelivery
        CodeSubmitted marker = submission("y = 2\nprint(y)\n");
        publish(CloudEvent.of(EventTopic.CODE_SUBMISSIONS, "triage", marker), "dup");

        // Same partition key: once the marker is answered, both copies of the first event were handled.
        probe.await("learning.responses",
                e -> e.path("data").path("requestId").asText().equals(marker.requestId().toString())).get(0);
        assertThat(probe.events("learning.responses",
                e -> e.path("data").path("requestId").asText().equals(first.requestId().toString()))).hasSize(1);
        assertThat(probe.events("progress.events",
                e -> e.path("data").path("requestId").asText().equals(first.requestId().toString()))).hasSize(1);
    }

    @Test
    void otherLanguagesGetAnAnswerInsteadOfSilence() {
        CodeSubmitted js = new CodeSubmitted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null, null,
                "console.log(1)", "javascript", null, Instant.now());
        publish(CloudEvent.of(EventTopic.CODE_SUBMISSIONS, "gateway", js), "k2");
        JsonNode answer = probe.await("learning.responses",
                e -> e.path("data").path("requestId").asText().equals(js.requestId().toString())).get(0);
        assertThat(answer.path("data").path("kind").asText()).isEqualTo("error");
        assertThat(answer.path("data").path("text").asText()).contains("Python");
    }

    @Test
    void poisonEventIsDroppedToTheDeadLetterTopic() {
        Map<String, Object> envelope = Map.of("specversion", "1.0", "id", UUID.randomUUID().toString(),
                "source", "test", "type", EventTopic.CODE_SUBMISSIONS.type(),
                "data", Map.of("requestId", UUID.randomUUID().toString(), "userId", UUID.randomUUID().toString(),
                        "submissionId", UUID.randomUUID().toString(), "code", "   ", "language", "python"));
        given().contentType("application/cloudevents+json").body(envelope)
                .post("/dapr/events/code.submissions")
                .then().statusCode(200).contentType(ContentType.JSON).body("status", equalTo("DROP"));
    }

    @Test
    void subscriptionIsAdvertisedWithItsDeadLetterTopic() {
        given().get("/dapr/subscribe").then().statusCode(200)
                .body("find { it.topic == 'code.submissions' }.deadLetterTopic", equalTo("code.submissions.dlq"))
                .body("find { it.topic == 'code.submissions' }.pubsubname", equalTo("kafka-pubsub"));
    }

    private static CodeSubmitted submission(String code) {
        return new CodeSubmitted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null, "defining-functions",
                code, "python", null, Instant.now());
    }

    private void publish(CloudEvent<CodeSubmitted> event, String partitionKey) {
        dapr.publishEvent(new PublishEventRequest(EventTopic.PUBSUB_NAME, EventTopic.CODE_SUBMISSIONS.topic(), event)
                .setContentType(CloudEvent.MEDIA_TYPE)
                .setMetadata(Map.of("partitionKey", partitionKey))).block(Duration.ofSeconds(10));
    }
}
