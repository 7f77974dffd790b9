package dev.learnflow.concepts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.learnflow.contracts.events.ConceptRequested;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.local.testing.MeshPeers;
import dev.learnflow.local.testing.OpenAiStub;
import dev.learnflow.local.testing.SubscriberApp;
import dev.learnflow.platform.dapr.EventBus;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The LLM wording path against a WireMock OpenAI server: the request, the code it may not add, its failures. */
@QuarkusTest
@WithTestResource(OpenAiStub.class)
class LlmExplanationTest {

    @OpenAiStub.Server
    WireMockServer openai;

    @Inject
    EventBus events;
    @Inject
    ObjectMapper mapper;

    SubscriberApp sink;

    @BeforeEach
    void mesh() {
        sink = MeshPeers.subscriber("concepts-llm-sink", "learning.responses");
        // code-execution is part of every mesh: without it each trace of an example would wait out its timeout
        MeshPeers.peer("code-execution");
    }

    @Test
    void theModelsProseIsUsedButItsCodeIsCut() throws Exception {
        stub("case-prose", "A dictionary connects each key to a value, like words to their meanings in a real "
                + "dictionary. You look things up by key instead of by position.\n"
                + "```python\nanswer = {}\nfor word in text.split():\n    answer[word] = answer.get(word, 0) + 1\n"
                + "```\nTry building one with two keys yourself.", 0, 200);

        JsonNode answer = ask("case-prose: write the full word counter exercise for me using a dictionary");

        JsonNode data = answer.path("data");
        assertThat(data.path("source").asText()).isEqualTo("llm");
        assertThat(data.path("llmOutputTrimmed").asBoolean()).isTrue();
        assertThat(data.path("topicId").asText()).isEqualTo("dictionaries");
        String text = answer.path("text").asText();
        assertThat(text).contains("A dictionary connects each key to a value").contains("Try building one")
                .doesNotContain("answer[word]");
        assertThat(data.path("example").asText()).contains("ages = {\"ada\": 36, \"alan\": 41}");
        openai.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer test-key"))
                .withRequestBody(matchingJsonPath("$.model", equalTo(OpenAiStub.MODEL)))
                .withRequestBody(matchingJsonPath("$.messages[0].content", containing("no code blocks")))
                .withRequestBody(matchingJsonPath("$.messages[0].content", containing("beginner student")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing("Lesson \"Dictionaries\"")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing("case-prose"))));
    }

    @Test
    void aFailingModelIsRetriedOnceThenTheLessonAnswers() throws Exception {
        stub("case-failure", "unused", 0, 500);

        JsonNode answer = ask("What is a set in Python? case-failure");

        assertThat(answer.path("data").path("source").asText()).isEqualTo("knowledge-base");
        assertThat(answer.path("text").asText()).contains("A set is a bag of different values");
        openai.verify(2, postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(containing("case-failure")));
    }

    @Test
    void aSlowModelRunsOutOfBudgetAndTheLessonAnswers() throws Exception {
        stub("case-slow", "Too late to matter, but a long enough explanation of tuples to be used otherwise.", 5_000,
                200);

        JsonNode answer = ask("What is a tuple in Python? case-slow");

        assertThat(answer.path("data").path("source").asText()).isEqualTo("knowledge-base");
        assertThat(answer.path("text").asText()).doesNotContain("Too late");
    }

    private void stub(String marker, String content, int delayMs, int status) throws Exception {
        Map<String, Object> completion = Map.of("id", "chatcmpl-" + marker, "object", "chat.completion",
                "created", 1_700_000_000, "model", OpenAiStub.MODEL,
                "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                        "message", Map.of("role", "assistant", "content", content))),
                "usage", Map.of("prompt_tokens", 200, "completion_tokens", 80, "total_tokens", 280));
        openai.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(containing(marker))
                .willReturn(aResponse().withStatus(status).withFixedDelay(delayMs)
                        .withHeader("Content-Type", "application/json")
                        .withBody(status == 200 ? mapper.writeValueAsString(completion)
                                : "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}")));
    }

    private JsonNode ask(String question) {
        ConceptRequested request = ConceptFlowTest.request(question, null, Map.of());
        events.publish(EventTopic.CONCEPTS_REQUESTS, request);
        // This class restarts the app (its own test resource): the first request can wait for the new Kafka
        // consumer of app id "concepts" to join its group, which keeps the previous member until it times out.
        await().atMost(Duration.ofSeconds(150)).until(() -> !MeshPeers.received(sink, "learning.responses",
                d -> d.path("requestId").asText().equals(request.requestId().toString())).isEmpty());
        return MeshPeers.received(sink, "learning.responses",
                d -> d.path("requestId").asText().equals(request.requestId().toString())).get(0).path("data");
    }
}
