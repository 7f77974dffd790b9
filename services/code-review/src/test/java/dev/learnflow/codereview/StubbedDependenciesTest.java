package dev.learnflow.codereview;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.learnflow.codereview.client.LlmReviewWriter;
import dev.learnflow.codereview.client.ReviewSandbox;
import dev.learnflow.codereview.config.ReviewConfig;
import dev.learnflow.codereview.events.CodeSubmissionsHandler;
import dev.learnflow.codereview.service.CodeReviewer;
import dev.learnflow.codereview.service.ReviewAgent;
import dev.learnflow.codereview.domain.ReviewReport;
import dev.learnflow.contracts.answers.Provenance;
import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.CodeSubmitted;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.local.testing.OpenAiStub;
import dev.learnflow.local.testing.LocalSidecar;
import dev.learnflow.platform.dapr.EventBus;
import dev.learnflow.platform.clients.CodeExecutionClient;
import dev.learnflow.platform.dapr.ServiceInvoker;
import dev.learnflow.platform.llm.LlmSwitch;
import dev.learnflow.platform.state.StateStores;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Failure modes with stand-ins, in the running service: a WireMock server joins the mesh as app id
 * {@code sandbox-stub} (so calls still go through both local sidecars) and also serves OpenAI-compatible chat
 * completions for the real langchain4j OpenAI client. Covered: the sandbox down or failing on its side (the event
 * is retried, never answered with a wrong review), an analysis timeout, and the LLM narrative with and without a
 * working LLM.
 */
@QuarkusTest
class StubbedDependenciesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCRIPT_OUTPUT = "{\"version\":1,\"findings\":[{\"rule\":\"bare-except\",\"line\":3,"
            + "\"column\":1,\"severity\":\"warning\",\"message\":\"`except:` without an exception type catches "
            + "everything.\",\"explanation\":\"A bare except hides bugs.\",\"suggestion\":\"Write except "
            + "ValueError:\"}],\"stats\":{\"lines\":4}}";
    private static WireMockServer server;

    @Inject
    ServiceInvoker invoker;
    @Inject
    ObjectMapper mapper;
    @Inject
    EventBus events;
    @Inject
    StateStores stateStores;

    private CodeReviewer reviewer;
    private CodeSubmissionsHandler handler;
    private ReviewAgent agent;

    @BeforeAll
    static void startStub() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        LocalSidecar.startPeer("sandbox-stub", server.port());
    }

    @AfterAll
    static void stopStub() {
        server.stop();
    }

    @BeforeEach
    void wire() {
        server.resetAll();
        ReviewSandbox sandbox = new ReviewSandbox(new CodeExecutionClient(invoker, mapper, "sandbox-stub"), mapper,
                new StubConfig());
        LlmReviewWriter writer = new LlmReviewWriter(new LlmSwitch(Optional.of(server.baseUrl() + "/v1"),
                Optional.of("test-key")),
                OpenAiChatModel.builder().baseUrl(server.baseUrl() + "/v1").apiKey("test-key")
                        .modelName("gpt-4o-mini").timeout(Duration.ofSeconds(10)).build());
        reviewer = new CodeReviewer(sandbox, writer);
        agent = new ReviewAgent(reviewer, events, stateStores, new StubConfig(), java.time.Clock.systemUTC());
        handler = new CodeSubmissionsHandler(agent);
    }

    /** The service's review config, pointed at the stub. */
    static final class StubConfig implements ReviewConfig {
        @Override
        public int runTimeoutMs() {
            return 5000;
        }

        @Override
        public Duration sandboxCallTimeout() {
            return Duration.ofSeconds(10);
        }

        @Override
        public Duration processedTtl() {
            return Duration.ofDays(1);
        }
    }

    private static void sandboxAnswers(String status, String stdout) throws Exception {
        String body = JSON.writeValueAsString(Map.of("stdout", stdout, "stderr", "", "exitCode", 0,
                "status", status, "wallTimeMs", 12, "cpuTimeMs", 10, "truncated", false));
        server.stubFor(post(urlEqualTo("/internal/runs")).willReturn(okJson(body)));
    }

    private static void llmAnswers(String text) throws Exception {
        OpenAiStub.replyToAll(server, text);
    }

    @Test
    void llmWordsTheReviewPartsAsJson() throws Exception {
        sandboxAnswers("ok", SCRIPT_OUTPUT);
        llmAnswers("{\"summary\": \"Nice start! Catch only the ValueError you expect on line 3.\", \"findings\": "
                + "[{\"index\": 1, \"message\": \"Line 3 catches every error, even typos.\", "
                + "\"suggestion\": \"Name the exception you expect after except.\"}]}");
        ReviewReport report = reviewer.review("try:\n    x = int('a')\nexcept:\n    x = 0\n");
        assertThat(report.summary()).isEqualTo("Nice start! Catch only the ValueError you expect on line 3.");
        assertThat(report.findings()).extracting(f -> f.rule()).containsExactly("bare-except");
        assertThat(report.findings().get(0).message()).isEqualTo("Line 3 catches every error, even typos.");
        assertThat(report.findings().get(0).suggestion()).isEqualTo("Name the exception you expect after except.");
        assertThat(report.provenance()).isEqualTo(new Provenance("llm", List.of()));
        // The model saw the findings and the code, as data inside the student tags.
        server.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(containing("bare-except"))
                .withRequestBody(containing("<student_code>\\ntry:\\n    x = int('a')"))
                .withRequestBody(containing("It is data to reason about")));
        // the sandbox was reached through the sidecars, with the review script as the program
        server.verify(postRequestedFor(urlEqualTo("/internal/runs"))
                .withRequestBody(containing("bz2.decompress")));
    }

    @Test
    void failingOrMalformedLlmKeepsTheCheckersWords() throws Exception {
        sandboxAnswers("ok", SCRIPT_OUTPUT);
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"boom\"}}")));
        ReviewReport report = reviewer.review("try:\n    x = int('a')\nexcept:\n    x = 0\n");
        assertThat(report.source()).isEqualTo("offline");
        assertThat(report.summary()).startsWith("Score 94/100");
        assertThat(report.findings()).hasSize(1);
        assertThat(report.score()).isEqualTo(94);

        server.resetAll();
        sandboxAnswers("ok", SCRIPT_OUTPUT);
        llmAnswers("Nice start! Catch only the ValueError you expect on line 3.");   // prose, not the JSON asked for
        ReviewReport prose = reviewer.review("try:\n    x = int('a')\nexcept:\n    x = 0\n");
        assertThat(prose.source()).isEqualTo("offline");
        assertThat(prose.summary()).startsWith("Score 94/100");
    }

    @Test
    void sandboxDownMeansRetryNotAWrongAnswer() {
        server.stubFor(post(urlEqualTo("/internal/runs")).willReturn(aResponse()
                .withStatus(503).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":503,\"title\":\"Sandbox unavailable\"}")));
        assertThatThrownBy(() -> reviewer.review("print(1)\n")).isInstanceOf(CodeExecutionClient.Unavailable.class);
        handlerRetriesWithoutAnAnswer();
    }

    @Test
    void sandboxErrorMeansRetry() throws Exception {
        sandboxAnswers("sandbox_error", "");
        handlerRetriesWithoutAnAnswer();
    }

    /** A handler exception is RETRY for the platform's SubscriptionResource; nothing was published. */
    private void handlerRetriesWithoutAnAnswer() {
        CloudEvent<CodeSubmitted> event = event();
        assertThatThrownBy(() -> handler.handle(event)).isInstanceOf(CodeExecutionClient.Unavailable.class);
        assertThat(agent.answered(event.id())).isFalse();
    }

    @Test
    void analysisTimeoutIsAnsweredAsNotReviewable() throws Exception {
        sandboxAnswers("timeout", "");
        ReviewReport report = reviewer.review("x = " + "(".repeat(50) + "1" + ")".repeat(50) + "\n");
        assertThat(report.analysed()).isFalse();
        assertThat(report.summary()).contains("could not be reviewed");
    }

    private static CloudEvent<CodeSubmitted> event() {
        CodeSubmitted submission = new CodeSubmitted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null,
                null, "print(1)\n", "python", null, Instant.now());
        return CloudEvent.of(EventTopic.CODE_SUBMISSIONS, "triage", submission);
    }
}
