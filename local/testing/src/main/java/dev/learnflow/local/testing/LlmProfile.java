package dev.learnflow.local.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;

/**
 * The LLM path switched on, against {@link OpenAiStub} (a WireMock server that speaks OpenAI's chat-completions
 * API). A test reaches the stub through a field annotated {@link OpenAiStub.Server}.
 */
public class LlmProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OpenAiStub.class));
    }
}
