package dev.learnflow.platform.clients;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.learnflow.contracts.api.RunCodeRequest;
import dev.learnflow.contracts.api.RunCodeResponse;
import dev.learnflow.contracts.api.RunTestsRequest;
import dev.learnflow.contracts.domain.ExecutionStatus;
import dev.learnflow.contracts.domain.TestCase;
import dev.learnflow.contracts.domain.TestVisibility;
import dev.learnflow.contracts.events.StudentContext;
import dev.learnflow.local.testing.LocalSidecar;
import dev.learnflow.platform.dapr.DaprClients;
import dev.learnflow.platform.dapr.ServiceInvoker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The clients of other services, through a real local sidecar to peers standing in for code-execution and
 * progress (Dapr access control of the repository's config applies, as in production).
 */
class CodeExecutionClientTest {

    private static final LocalSidecar SIDECAR = new LocalSidecar();
    private static final WireMockServer SANDBOX = new WireMockServer(options().dynamicPort());
    private static final WireMockServer PROGRESS = new WireMockServer(options().dynamicPort());
    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();
    private static CodeExecutionClient sandbox;
    private static ProgressContextClient progress;

    @BeforeAll
    static void start() {
        // exercise may call both code-execution's runs and progress's student context.
        SIDECAR.init(Map.of("appId", "exercise"));
        SIDECAR.start();
        SANDBOX.start();
        PROGRESS.start();
        LocalSidecar.startPeer("code-execution", SANDBOX.port());
        LocalSidecar.startPeer("progress", PROGRESS.port());
        ServiceInvoker invoker = new ServiceInvoker(new DaprClients());
        sandbox = new CodeExecutionClient(invoker, MAPPER, "code-execution");
        progress = new ProgressContextClient(invoker, MAPPER, "progress");
    }

    @AfterAll
    static void stop() {
        SIDECAR.stop();
        SANDBOX.stop();
        PROGRESS.stop();
    }

    @BeforeEach
    void reset() {
        SANDBOX.resetAll();
        PROGRESS.resetAll();
    }

    @Test
    void runsAProgramWithoutIdentityHeaders() {
        SANDBOX.stubFor(post("/internal/runs").willReturn(okJson(
                "{\"status\":\"ok\",\"stdout\":\"1\\n\",\"stderr\":\"\",\"exitCode\":0,\"wallTimeMs\":12,\"cpuTimeMs\":10,\"truncated\":false}")));
        RunCodeResponse run = sandbox.run(new RunCodeRequest("print(1)", "", null), Duration.ofSeconds(5));
        assertThat(run.status()).isEqualTo(ExecutionStatus.OK);
        assertThat(run.stdout()).isEqualTo("1\n");
        SANDBOX.verify(postRequestedFor(urlEqualTo("/internal/runs"))
                .withRequestBody(equalToJson("{\"code\":\"print(1)\",\"stdin\":\"\"}", true, true))
                .withoutHeader("x-learnflow-user"));
    }

    @Test
    void aRefusalIsNotRetryableAndTroubleIsTransient() {
        SANDBOX.stubFor(post("/internal/runs").willReturn(aResponse().withStatus(413).withBody("too big")));
        assertThatThrownBy(() -> sandbox.run(new RunCodeRequest("x", "", null), Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(CodeExecutionClient.Refused.class, e -> assertThat(e.status()).isEqualTo(413));
        SANDBOX.stubFor(post("/internal/runs").willReturn(aResponse().withStatus(429)));
        assertThatThrownBy(() -> sandbox.run(new RunCodeRequest("x", "", null), Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(CodeExecutionClient.Unavailable.class, e -> assertThat(e.busy()).isTrue());
        SANDBOX.stubFor(post("/internal/runs").willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> sandbox.run(new RunCodeRequest("x", "", null), Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(CodeExecutionClient.Unavailable.class, e -> assertThat(e.busy()).isFalse());
        SANDBOX.stubFor(post("/internal/runs").willReturn(aResponse().withFixedDelay(3_000)
                .withHeader("Content-Type", "application/json").withBody("{}")));
        assertThatThrownBy(() -> sandbox.run(new RunCodeRequest("x", "", null), Duration.ofMillis(500)))
                .isInstanceOf(CodeExecutionClient.Unavailable.class);
    }

    @Test
    void aTestRunNeedsOneResultPerTestCase() {
        SANDBOX.stubFor(post("/internal/runs/tests").willReturn(okJson("{\"results\":[]}")));
        RunTestsRequest request = new RunTestsRequest("def f(): return 1",
                List.of(TestCase.call("one", "f()", "1", TestVisibility.HIDDEN)), 2_000, 64);
        assertThatThrownBy(() -> sandbox.runTests(request, Duration.ofSeconds(5)))
                .isInstanceOf(CodeExecutionClient.Unavailable.class);
    }

    @Test
    void progressContextIsAskedWithTheStudentsOwnIdentityAndIsBestEffort() {
        UUID student = UUID.randomUUID();
        PROGRESS.stubFor(get("/internal/students/" + student + "/context").willReturn(okJson(
                "{\"currentModuleId\":\"basics\",\"mastery\":{\"for-loops\":0.4},\"recentErrorTypes\":[],"
                        + "\"recentTurns\":[]}")));
        StudentContext context = progress.context(student, Duration.ofSeconds(2)).orElseThrow();
        assertThat(context.mastery()).containsEntry("for-loops", 0.4);
        PROGRESS.verify(getRequestedFor(urlEqualTo("/internal/students/" + student + "/context"))
                .withHeader("x-learnflow-user", equalTo(student.toString()))
                .withHeader("x-learnflow-roles", equalTo("student")));
        PROGRESS.stubFor(get("/internal/students/" + student + "/context").willReturn(aResponse().withStatus(500)));
        assertThat(progress.context(student, Duration.ofSeconds(2))).isEmpty();
    }
}
