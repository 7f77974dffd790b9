package dev.learnflow.concepts;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

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
                "quarkus.langchain4j.openai.chat-model.model-name", "explainer-test",
                "quarkus.langchain4j.openai.timeout", "1500ms");
    }
}
