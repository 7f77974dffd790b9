package dev.learnflow.concepts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.learnflow.concepts.client.TraceRunner;
import dev.learnflow.contracts.api.RunCodeResponse;
import dev.learnflow.contracts.domain.ExecutionStatus;
import dev.learnflow.contracts.events.ConceptRequested;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.LearningRequested;
import dev.learnflow.contracts.events.StudentContext;
import dev.learnflow.local.testing.LocalSidecar;
import dev.learnflow.local.testing.MeshPeers;
import dev.learnflow.local.testing.SubscriberApp;
import dev.learnflow.local.testing.TestDatabase;
import dev.learnflow.platform.dapr.EventBus;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

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
import static org.awaitility.Awaitility.await;

/**
 * Every test of this module runs with: the database and concepts' local sidecar (in-memory components). The flow
 * tests share the mesh apps around concepts (a subscriber recording what it publishes, the code-execution peer) and
 * the way they ask and wait for an answer, all kept here.
 */
@QuarkusTestResource(value = TestDatabase.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = LocalSidecar.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "appId", value = "concepts"))
final class ConceptsFixtures {

    static final String RESPONSES = EventTopic.LEARNING_RESPONSES.topic();
    static final String PROGRESS = EventTopic.PROGRESS_EVENTS.topic();

    private ConceptsFixtures() {
    }

    /** The subscriber app {@code appId} in the current mesh, recording learning.responses and progress.events. */
    static SubscriberApp sink(String appId) {
        return MeshPeers.subscriber(appId, RESPONSES, PROGRESS);
    }

    /** code-execution in the mesh: a WireMock peer that answers only what a test stubs (404 otherwise). */
    static WireMockServer sandbox() {
        return MeshPeers.peer("code-execution");
    }

    /** The sandbox answers the trace of {@code example} with what python3 really prints for our tracer program. */
    static void tracesWithPython(WireMockServer sandbox, ObjectMapper mapper, String example) {
        RunCodeResponse run = new RunCodeResponse(Python.stdoutOf(TraceRunner.program(example)), "", 0,
                ExecutionStatus.OK, 50, 40, null, false);
        try {
            sandbox.stubFor(post(urlPathEqualTo("/internal/runs")).withRequestBody(containing(
                            Base64.getEncoder().encodeToString(example.getBytes(StandardCharsets.UTF_8))))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json")
                            .withBody(mapper.writeValueAsString(run))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A question from a new student in module collections, with the student's mastery. */
    static ConceptRequested request(String question, String topicId, Map<String, Double> mastery) {
        return request(question, null, topicId, mastery);
    }

    /** The same with the program the student sent along. */
    static ConceptRequested request(String question, String code, String topicId, Map<String, Double> mastery) {
        return new ConceptRequested(new LearningRequested(UUID.randomUUID(), UUID.randomUUID(), null, question,
                code, topicId, new StudentContext("collections", topicId, mastery, List.of(), List.of()),
                Instant.now()), null);
    }

    /** Publishes the request on concepts.requests and returns the learning.responses CloudEvent's data. */
    static JsonNode answerTo(EventBus events, SubscriberApp sink, ConceptRequested request, Duration within) {
        events.publish(EventTopic.CONCEPTS_REQUESTS, request);
        return published(sink, RESPONSES, request, within);
    }

    /** The data of the first event on {@code topic} for this request, waiting for it up to {@code within}. */
    static JsonNode published(SubscriberApp sink, String topic, ConceptRequested request, Duration within) {
        String id = request.requestId().toString();
        await().atMost(within).until(() -> !MeshPeers.received(sink, topic,
                d -> d.path("requestId").asText().equals(id)).isEmpty());
        return MeshPeers.received(sink, topic, d -> d.path("requestId").asText().equals(id)).get(0).path("data");
    }
}
