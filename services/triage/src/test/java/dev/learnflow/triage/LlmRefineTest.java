package dev.learnflow.triage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.learnflow.local.testing.OpenAiStub;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
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
    static final String UNSURE = "what is 2+2";

    @Inject
    ObjectMapper mapper;

    @Test
    void theModelsLabelDecidesAnUnsureQuestion() throws Exception {
        stub("exercise_request", 0, 200);
        UUID student = UUID.randomUUID();

        String requestId = ask(student, UNSURE);

        Map<String, Object> answer = awaitAnswered(student, requestId);
        assertThat(answer.get("kind")).isEqualTo("exercise");
        assertThat((String) answer.get("text")).contains("/api/v1/exercises");
        openai.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer test-key"))
                .withRequestBody(matchingJsonPath("$.model", equalTo(OpenAiStub.MODEL)))
                .withRequestBody(matchingJsonPath("$.messages[0].content", containing(
                        "concept_explanation, debug_help, code_review, exercise_request, progress_question, "
                                + "off_topic, unclear")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing("Message: " + UNSURE))));
    }

    @Test
    void whenTheModelFailsTheOfflineClassifierDecides() throws Exception {
        openai.resetAll();
        stub("unused", 0, 500);
        UUID student = UUID.randomUUID();

        String requestId = ask(student, UNSURE);

        assertThat(awaitAnswered(student, requestId).get("kind")).isEqualTo("clarification");
        openai.verify(2, postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
    }

    @Test
    void whenTheModelIsTooSlowTheOfflineClassifierDecides() throws Exception {
        openai.resetAll();
        stub("exercise_request", 4_000, 200);
        UUID student = UUID.randomUUID();

        String requestId = ask(student, UNSURE);

        assertThat(awaitAnswered(student, requestId).get("kind")).isEqualTo("clarification");
    }

    @Test
    void confidentQuestionsDoNotCostAModelCall() throws Exception {
        openai.resetAll();
        stub("off_topic", 0, 200);
        UUID student = UUID.randomUUID();

        String requestId = ask(student, "Traceback (most recent call last):\nNameError: name 'x' is not defined");

        await().atMost(Duration.ofSeconds(60)).until(() -> given().header("x-learnflow-user", student.toString())
                .when().get("/internal/queries/" + requestId).then().extract().path("status") != null);
        openai.verify(0, postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
    }

    private void stub(String label, int delayMs, int status) throws Exception {
        Map<String, Object> completion = Map.of("id", "chatcmpl-1", "object", "chat.completion",
                "created", 1_700_000_000, "model", OpenAiStub.MODEL,
                "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                        "message", Map.of("role", "assistant", "content", label))),
                "usage", Map.of("prompt_tokens", 60, "completion_tokens", 2, "total_tokens", 62));
        openai.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse().withStatus(status).withFixedDelay(delayMs)
                        .withHeader("Content-Type", "application/json")
                        .withBody(status == 200 ? mapper.writeValueAsString(completion)
                                : "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}")));
    }

    private String ask(UUID student, String question) {
        return given().header("x-learnflow-user", student.toString()).contentType(ContentType.JSON)
                .body(Map.of("question", question))
                .when().post("/internal/questions")
                .then().statusCode(202).extract().path("requestId");
    }

    private Map<String, Object> awaitAnswered(UUID student, String requestId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> "answered".equals(given()
                .header("x-learnflow-user", student.toString()).when().get("/internal/queries/" + requestId)
                .then().statusCode(200).extract().path("status")));
        return given().header("x-learnflow-user", student.toString()).when().get("/internal/queries/" + requestId)
                .then().statusCode(200).extract().as(Map.class);
    }
}
