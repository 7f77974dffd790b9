package dev.learnflow.concepts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.learnflow.concepts.client.TraceRunner;
import dev.learnflow.concepts.service.ConceptAgent;
import dev.learnflow.contracts.api.RunCodeResponse;
import dev.learnflow.contracts.domain.ExecutionStatus;
import dev.learnflow.contracts.events.ConceptRequested;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.StudentContext;
import dev.learnflow.local.testing.MeshPeers;
import dev.learnflow.local.testing.SubscriberApp;
import dev.learnflow.platform.dapr.EventBus;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Questions beyond the course's 32 lessons, through the sidecar: a lesson beyond the course (progress recorded
 * against its curriculum topic), an answer from Python's documentation that cites its source (with its example
 * traced), and an honest "I don't know" with the nearest topics as choices.
 */
@QuarkusTest
class BeyondTheLessonsFlowTest {

    @Inject
    EventBus events;
    @Inject
    ObjectMapper mapper;
    @Inject
    ConceptAgent agent;

    SubscriberApp sink;
    WireMockServer sandbox;

    @BeforeEach
    void mesh() {
        sink = MeshPeers.subscriber("concepts-test-sink", "learning.responses", "progress.events");
        sandbox = MeshPeers.peer("code-execution");
    }

    @Test
    void theYieldQuestionGetsTheGeneratorsLessonCountedForItsCourseTopic() throws Exception {
        answerTracesWithPython(agent.knowledgeBase().byTopic("generators").orElseThrow().example());
        ConceptRequested request = request("what does the yield keyword do", "for-loops");

        JsonNode data = answerTo(request).path("data");

        assertThat(data.path("topicId").asText()).isEqualTo("generators");
        assertThat(data.path("curriculumTopicId").asText()).isEqualTo("comprehensions");
        assertThat(data.path("trace").path("stdout").asText()).contains("got 3");
        assertThat(data.path("mermaid").asText()).startsWith("flowchart TD");
        JsonNode viewed = progressOf(request);
        assertThat(viewed.path("object").path("id").asText()).isEqualTo("generators");
        assertThat(viewed.path("object").path("topicId").asText()).isEqualTo("comprehensions");
    }

    @Test
    void aQuestionNoLessonCoversIsAnsweredFromTheDocumentationWithItsSource() throws Exception {
        ConceptRequested request = request("what does the assert statement do", null);
        Object example = agent.answer(request).data().get("example");
        if (example != null) {
            answerTracesWithPython((String) example);
        }

        JsonNode answer = answerTo(request);

        JsonNode data = answer.path("data");
        assertThat(data.path("source").asText()).isEqualTo("python-docs");
        assertThat(data.path("topicId").isNull()).isTrue();
        assertThat(data.path("documentation").path("section").asText()).containsIgnoringCase("assert");
        String citation = data.path("citation").asText();
        assertThat(citation).contains(data.path("documentation").path("source").asText())
                .contains(data.path("documentation").path("doc").asText());
        assertThat(answer.path("text").asText()).contains("*Source: " + citation).contains("PSF License")
                .containsIgnoringCase("assert");
        if (example != null) {
            assertThat(data.path("trace").path("steps").size()).isGreaterThan(0);
        }
        assertThat(progressOf(request).path("object").path("topicId").isMissingNode()
                || progressOf(request).path("object").path("topicId").isNull()).isTrue();
    }

    @Test
    void anUnanswerableQuestionIsDeclinedWithTheNearestTopicsAsChoices() {
        ConceptRequested request = request("what is the capital of France", "for-loops");

        JsonNode answer = answerTo(request);

        JsonNode data = answer.path("data");
        assertThat(data.path("abstained").asBoolean()).isTrue();
        assertThat(data.path("topicId").isNull()).isTrue();
        assertThat(data.path("choices").size()).isBetween(2, 3);
        String firstChoice = data.path("choices").get(0).path("title").asText();
        assertThat(answer.path("text").asText()).contains("I don't know").contains("**" + firstChoice + "**");
        assertThat(answer.path("text").asText()).doesNotContain("```python");
    }

    private void answerTracesWithPython(String example) throws Exception {
        RunCodeResponse run = new RunCodeResponse(Python.stdoutOf(TraceRunner.program(example)), "", 0,
                ExecutionStatus.OK, 50, 40, null, false);
        sandbox.stubFor(post(urlPathEqualTo("/internal/runs")).withRequestBody(containing(
                Base64.getEncoder().encodeToString(example.getBytes(StandardCharsets.UTF_8))))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(mapper.writeValueAsString(run))));
    }

    private JsonNode answerTo(ConceptRequested request) {
        events.publish(EventTopic.CONCEPTS_REQUESTS, request);
        await().atMost(Duration.ofSeconds(60)).until(() -> !MeshPeers.received(sink, "learning.responses",
                d -> d.path("requestId").asText().equals(request.requestId().toString())).isEmpty());
        return MeshPeers.received(sink, "learning.responses",
                d -> d.path("requestId").asText().equals(request.requestId().toString())).get(0).path("data");
    }

    private JsonNode progressOf(ConceptRequested request) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !MeshPeers.received(sink, "progress.events",
                d -> d.path("requestId").asText().equals(request.requestId().toString())).isEmpty());
        return MeshPeers.received(sink, "progress.events",
                d -> d.path("requestId").asText().equals(request.requestId().toString())).get(0).path("data");
    }

    static ConceptRequested request(String question, String topicId) {
        return new ConceptRequested(UUID.randomUUID(), UUID.randomUUID(), null, question, null, topicId, null,
                new StudentContext("collections", topicId, Map.of(), List.of(), List.of()), Instant.now());
    }
}
