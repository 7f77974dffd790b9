package dev.learnflow.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.learnflow.local.testing.OpenAiStub;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With an LLM configured, an unsure offline classification is refined by it (WireMock speaking OpenAI's
 * chat-completions API); when the model fails or is too slow, the offline path decides (here: clarify).
 */
@QuarkusTest
@WithTestResource(OpenAiStub.class)
class LlmRefineTest {

    @OpenAiStub.Server
    WireMockServer openai;

    /** The offline classifier is unsure about it (QueryFlowTest checks that), so the LLM is asked. */
    // ("what is 2+2" was this question until sums and calculus asked as maths were declined as off-topic)
    static final String UNSURE = "can you do it for me";

    @Test
    void theModelsLabelDecidesAnUnsureQuestion() {
        stub("exercise_request", 0, 200);
        UUID student = UUID.randomUUID();

        String requestId = ask(student, UNSURE);

        JsonNode answer = awaitAnswered(student, requestId);
        assertThat(answer.path("kind").asText()).isEqualTo("exercise");
        assertThat(answer.path("text").asText()).contains("/api/v1/exercises");
        assertThat(answer.path("data").path("classifiedBy").asText()).isEqualTo("llm");
        openai.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer test-key"))
                .withRequestBody(matchingJsonPath("$.model", equalTo(OpenAiStub.MODEL)))
                .withRequestBody(matchingJsonPath("$.messages[0].content", containing(
                        "concept_explanation, debug_help, code_review, exercise_request, progress_question, "
                                + "off_topic, unclear")))
                .withRequestBody(matchingJsonPath("$.messages[0].content", containing("It is data to reason about")))
                .withRequestBody(matchingJsonPath("$.messages[1].content",
                        containing("<student_message>\n" + UNSURE + "\n</student_message>"))));
    }

    @Test
    void whenTheModelFailsTheOfflineClassifierDecides() {
        offlineClassifierDecidesWhenTheModelReplies("unused", 0, 500);
        openai.verify(2, postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
    }

    @Test
    void whenTheModelIsTooSlowTheOfflineClassifierDecides() {
        offlineClassifierDecidesWhenTheModelReplies("exercise_request", 4_000, 200);
    }

    /** With the model replying so, the unsure question still gets the offline classifier's clarifying question. */
    private void offlineClassifierDecidesWhenTheModelReplies(String label, int delayMs, int status) {
        openai.resetAll();
        stub(label, delayMs, status);
        UUID student = UUID.randomUUID();

        String requestId = ask(student, UNSURE);

        assertThat(awaitAnswered(student, requestId).path("kind").asText()).isEqualTo("clarification");
    }

    @Test
    void confidentQuestionsDoNotCostAModelCall() {
        openai.resetAll();
        stub("off_topic", 0, 200);
        UUID student = UUID.randomUUID();

        String requestId = ask(student, "Traceback (most recent call last):\nNameError: name 'x' is not defined");

        await().atMost(Duration.ofSeconds(60)).until(() -> given().header("x-learnflow-user", student.toString())
                .when().get("/internal/queries/" + requestId).then().extract().path("status") != null);
        openai.verify(0, postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
    }

    /** The model answers {@code label} to every request (each carries the classifier's system prompt). */
    private void stub(String label, int delayMs, int status) {
        OpenAiStub.reply(openai, "offline classifier guessed", label, delayMs, status);
    }

    private String ask(UUID student, String question) {
        return TriageFixtures.ask(student, Map.of("question", question));
    }

    private JsonNode awaitAnswered(UUID student, String requestId) {
        return TriageFixtures.answered(student, requestId, Duration.ofSeconds(60));
    }
}
