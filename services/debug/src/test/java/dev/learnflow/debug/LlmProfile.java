package dev.learnflow.debug;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** The LLM path switched on, against a WireMock server that speaks OpenAI's chat-completions API. */
public class LlmProfile implements QuarkusTestProfile {

    static final WireMockServer OPENAI = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    static {
        OPENAI.start();
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        String url = "http://127.0.0.1:" + OPENAI.port() + "/v1/";
        return Map.of(
                "learnflow.llm.base-url", url,
                "learnflow.llm.api-key", "test-key",
                "quarkus.langchain4j.openai.base-url", url,
                "quarkus.langchain4j.openai.api-key", "test-key",
                "quarkus.langchain4j.openai.chat-model.model-name", "tutor-test",
                "quarkus.langchain4j.openai.timeout", "1500ms");
    }

    /** The model's reply (a chat completion, or an error status) to requests that contain {@code marker}. */
    static void reply(String marker, String content, int delayMs, int status) {
        Map<String, Object> completion = Map.of("id", "chatcmpl-" + marker, "object", "chat.completion",
                "created", 1_700_000_000, "model", "tutor-test",
                "choices", java.util.List.of(Map.of("index", 0, "finish_reason", "stop",
                        "message", Map.of("role", "assistant", "content", content))),
                "usage", Map.of("prompt_tokens", 100, "completion_tokens", 40, "total_tokens", 140));
        try {
            OPENAI.stubFor(post(urlPathEqualTo("/v1/chat/completions")).withRequestBody(containing(marker))
                    .willReturn(aResponse().withStatus(status).withFixedDelay(delayMs)
                            .withHeader("Content-Type", "application/json")
                            .withBody(status == 200 ? new ObjectMapper().writeValueAsString(completion)
                                    : "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
