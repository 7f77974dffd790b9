package dev.learnflow.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.learnflow.contracts.events.DebugRequested;
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
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The LLM path for wrong results against the OpenAI stub: what the model sees, how its reply is guarded. */
@QuarkusTest
@WithTestResource(OpenAiStub.class)
class LlmWrongResultTest {

    @OpenAiStub.Server
    WireMockServer openai;

    @Inject
    EventBus events;

    SubscriberApp sink;

    @BeforeEach
    void mesh() {
        sink = MeshPeers.subscriber("debug-llm-wrong-sink", "learning.responses");
        PythonSandbox.peer();
    }

    @Test
    void theModelSeesTheFailingCaseTraceAndLinesAndItsCodeIsKeptOut() {
        stub("wrong-case", HintReplies.levels(
                "Your call fibonacci(5) gives 8, not 5. How many times does the loop body run?",
                "Look at the range on line 3: it makes one pass too many.",
                "Here you go: the loop header should read for i in range(n):"));

        JsonNode answer = ask("wrong-case: fibonacci(5) returns 8 but should be 5", 3);

        JsonNode hints = answer.path("data").path("hints");
        assertThat(hints.get(0).path("text").asText()).startsWith("Your call fibonacci(5) gives 8, not 5.");
        assertThat(hints.get(1).path("text").asText()).contains("one pass too many");
        assertThat(hints.get(2).path("text").asText()).as("level 3 gave the corrected line: the offline hint stays")
                .doesNotContain("range(n)").doesNotContain("should read");
        hints.forEach(h -> assertThat(HintPolicy.violations(h.path("text").asText(), WrongResultFlowTest.FIB))
                .isEmpty());
        assertThat(answer.path("data").path("replaced").get(0).path("part").asText()).isEqualTo("hints[2].text");
        assertThat(answer.path("data").path("source").asText()).isEqualTo("mixed");
        assertThat(answer.path("data").path("diagnosis").path("kind").asText()).isEqualTo("wrong_result");

        openai.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.messages[1].content",
                        containing("Failing case: fibonacci(5) -> expected 5, actual 8")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing("line 3: for i in range(n + 1):")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing("{n=5}"))));
    }

    @Test
    void aFailingModelLeavesTheOfflineHints() {
        stub("wrong-fail", "unused", 500);

        JsonNode answer = ask("wrong-fail: fibonacci(5) returns 8 but should be 5", 2);

        assertThat(answer.path("data").path("source").asText()).isEqualTo("offline");
        assertThat(answer.path("data").path("hints").get(1).path("text").asText()).contains("line 3");
    }

    private void stub(String marker, String content) {
        OpenAiStub.reply(openai, marker, content, 0, 200);
    }

    private void stub(String marker, String content, int status) {
        OpenAiStub.reply(openai, marker, content, 0, status);
    }

    private JsonNode ask(String question, int level) {
        DebugRequested request = DebugFlowTest.request(UUID.randomUUID(), WrongResultFlowTest.FIB, null, level,
                question);
        events.publish(EventTopic.DEBUG_REQUESTS, request);
        await().atMost(Duration.ofSeconds(60)).until(() -> !MeshPeers.received(sink, "learning.responses",
                d -> d.path("requestId").asText().equals(request.requestId().toString())).isEmpty());
        return MeshPeers.received(sink, "learning.responses",
                d -> d.path("requestId").asText().equals(request.requestId().toString())).get(0).path("data");
    }
}
