package dev.learnflow.exercise.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.learnflow.contracts.api.DiagnosisRequest;
import dev.learnflow.platform.dapr.DaprClients;
import dev.learnflow.platform.dapr.ServiceInvoker;
import dev.learnflow.local.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pause after a failed call to debug, over real HTTP to a WireMock "sidecar": while it lasts no call goes out,
 * so the gateway sidecar's retries of our 503 answer at once instead of each waiting on debug again.
 */
class DebugFeedbackClientTest {

    private static final Duration PAUSE = Duration.ofSeconds(3);
    private static final String FEEDBACK = "{\"kind\":\"wrong_result\",\"hintLevel\":1,\"maxHintLevel\":3,"
            + "\"hints\":[{\"level\":1,\"label\":\"l\",\"text\":\"look at the loop\"}]}";

    private WireMockServer sidecar;
    private ManualClock clock;
    private DebugFeedbackClient client;

    @BeforeEach
    void sidecar() {
        sidecar = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        sidecar.start();
        DaprClients dapr = new DaprClients() {
            @Override
            public String sidecarHttpUrl() {
                return sidecar.baseUrl();
            }

            @Override
            public String apiToken() {
                return null;
            }
        };
        clock = new ManualClock(Instant.parse("2026-12-03T10:00:00Z"));
        client = new DebugFeedbackClient(new ServiceInvoker(dapr), new ObjectMapper(), clock, PAUSE, "debug");
    }

    @AfterEach
    void stop() {
        sidecar.stop();
    }

    private static DiagnosisRequest request() {
        return new DiagnosisRequest("def f(x):\n    return x\n", List.of(), 1);
    }

    private int calls() {
        return sidecar.findAll(postRequestedFor(urlEqualTo(DebugFeedbackClient.PATH))).size();
    }

    private void debugAnswers(int status) {
        sidecar.stubFor(post(urlEqualTo(DebugFeedbackClient.PATH)).willReturn(status == 200 ? okJson(FEEDBACK)
                : aResponse().withStatus(status)));
    }

    @Test
    void aFailedCallPausesCallsToDebugThenOneTrialGoesOut() {
        debugAnswers(500);
        assertThatThrownBy(() -> client.feedback(request(), Duration.ofSeconds(2)))
                .isInstanceOf(DebugFeedbackClient.NoFeedback.class).hasMessageContaining("answered 500");
        debugAnswers(200);

        assertThatThrownBy(() -> client.feedback(request(), Duration.ofSeconds(2)))
                .isInstanceOf(DebugFeedbackClient.NoFeedback.class).hasMessageContaining("not asked again")
                .matches(e -> !((DebugFeedbackClient.NoFeedback) e).lasting(), "not lasting");
        clock.advance(PAUSE.minusMillis(1));
        assertThatThrownBy(() -> client.feedback(request(), Duration.ofSeconds(2)))
                .isInstanceOf(DebugFeedbackClient.NoFeedback.class);
        assertThat(calls()).isEqualTo(1);

        clock.advance(Duration.ofMillis(1));
        assertThat(client.feedback(request(), Duration.ofSeconds(2)).hints()).hasSize(1);
        assertThat(client.feedback(request(), Duration.ofSeconds(2)).hints()).hasSize(1);
        assertThat(calls()).isEqualTo(3);
    }

    @Test
    void aFailedTrialPausesAgain() {
        debugAnswers(503);
        assertThatThrownBy(() -> client.feedback(request(), Duration.ofSeconds(2)));
        clock.advance(PAUSE);
        assertThatThrownBy(() -> client.feedback(request(), Duration.ofSeconds(2)))
                .hasMessageContaining("answered 503");
        assertThatThrownBy(() -> client.feedback(request(), Duration.ofSeconds(2)))
                .hasMessageContaining("not asked again");
        assertThat(calls()).isEqualTo(2);
    }

    @Test
    void debugsRefusalOfTheCodeIsAnAnswerNotAFailure() {
        debugAnswers(422);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> client.feedback(request(), Duration.ofSeconds(2)))
                    .matches(e -> ((DebugFeedbackClient.NoFeedback) e).lasting(), "lasting");
        }
        assertThat(calls()).isEqualTo(3);
    }

    @Test
    void aTimeoutIsAFailure() {
        sidecar.stubFor(post(urlEqualTo(DebugFeedbackClient.PATH)).willReturn(okJson(FEEDBACK).withFixedDelay(1_500)));
        assertThatThrownBy(() -> client.feedback(request(), Duration.ofMillis(300)))
                .isInstanceOf(DebugFeedbackClient.NoFeedback.class);
        assertThatThrownBy(() -> client.feedback(request(), Duration.ofMillis(300)))
                .hasMessageContaining("not asked again");
    }
}
