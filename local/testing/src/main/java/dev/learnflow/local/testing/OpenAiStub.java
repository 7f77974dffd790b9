package dev.learnflow.local.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The LLM path switched on: a WireMock server that plays an OpenAI-compatible LLM, with the service's LLM settings
 * pointed at it. A test class opts in with {@code @WithTestResource(OpenAiStub.class)} (Quarkus restarts the app
 * for it) and receives the server in a field marked {@link Server}. Deliberately not a shared
 * {@code QuarkusTestProfile}: a profile class that lives in this jar rather than in the module's test classes is
 * loaded by the JVM's application class loader, and Quarkus then fails to start the profile's test resources
 * (ClassCastException between the two loaders' {@code QuarkusTestResourceLifecycleManager}). The server is
 * injected, not kept in a static, so each restart's test sees the one its configuration names.
 */
public class OpenAiStub implements QuarkusTestResourceLifecycleManager {

    /** The model name the service is configured with, and that a stubbed answer names. */
    public static final String MODEL = "llm-test";

    /** Marks the test field that receives the running stub. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Server {
    }

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        String url = server.baseUrl() + "/v1/";
        return Map.of(
                "learnflow.llm.base-url", url,
                "learnflow.llm.api-key", "test-key",
                "quarkus.langchain4j.openai.base-url", url,
                "quarkus.langchain4j.openai.api-key", "test-key",
                "quarkus.langchain4j.openai.chat-model.model-name", MODEL,
                "quarkus.langchain4j.openai.timeout", "1500ms");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(Server.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
