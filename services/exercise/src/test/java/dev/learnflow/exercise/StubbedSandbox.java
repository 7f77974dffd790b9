package dev.learnflow.exercise;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.learnflow.local.testing.CodeExecutionPeer;
import dev.learnflow.local.testing.LocalSidecar;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

/**
 * WireMock in front of the sandbox (app id {@code sandbox-stub} in the mesh, reached through both sidecars): by
 * default it proxies to the REAL code-execution service, and a test can make it fail (down, busy, sandbox_error).
 * It also serves an OpenAI-compatible chat-completions API, so the LLM path runs with its real client.
 */
public class StubbedSandbox implements QuarkusTestResourceLifecycleManager {

    static final String APP_ID = "sandbox-stub";
    static WireMockServer server;

    /** The service with the stubbed sandbox and an LLM configured. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StubbedSandbox.class));
        }
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        LocalSidecar.startPeer(APP_ID, server.port());
        return Map.of(
                "learnflow.code-execution.app-id", APP_ID,
                "learnflow.llm.api-key", "test-key",
                "learnflow.llm.base-url", server.baseUrl() + "/v1/",
                "quarkus.langchain4j.openai.api-key", "test-key",
                "quarkus.langchain4j.openai.base-url", server.baseUrl() + "/v1/",
                "quarkus.langchain4j.openai.timeout", "10s");
    }

    /**
     * Default: everything goes to the real code-execution service. Its URL comes from the test's config (what
     * {@link CodeExecutionPeer} reported), which stays right when Quarkus restarts for this profile.
     */
    static void proxyTo(String codeExecutionUrl) {
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(codeExecutionUrl)));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
