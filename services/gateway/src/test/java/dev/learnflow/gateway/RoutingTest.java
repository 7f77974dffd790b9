package dev.learnflow.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.learnflow.local.testing.MeshPeers;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gateway → its sidecar → the backend's sidecar → backend, with WireMock apps ({@link MeshPeers}) standing in for the
 * code-execution app (the real service is exercised in the end-to-end test).
 */
@QuarkusTest
class RoutingTest {

    private static WireMockServer sandbox;
    private static WireMockServer progress;

    @BeforeAll
    static void backends() {
        sandbox = MeshPeers.peer("code-execution");
        progress = MeshPeers.peer("progress");
    }

    @Test
    void runIsRoutedThroughTheSidecarsWithTheCallersIdentity() {
        sandbox.stubFor(post(urlEqualTo("/internal/runs")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"ok\",\"stdout\":\"hi\\n\",\"exitCode\":0}")));
        Accounts.Account ada = Accounts.register("student");
        ada.postJson("/api/v1/runs", Map.of("code", "print('hi')"))
                .then().statusCode(200)
                .body("stdout", org.hamcrest.Matchers.equalTo("hi\n"));
        sandbox.verify(postRequestedFor(urlEqualTo("/internal/runs"))
                .withHeader("x-learnflow-user", equalTo(ada.id().toString()))
                .withHeader("x-learnflow-roles", equalTo("student"))
                .withHeader("dapr-caller-app-id", equalTo("gateway"))
                .withRequestBody(matchingJsonPath("$.code", equalTo("print('hi')"))));
    }

    @Test
    void pagingParametersOfStatementsAndActivityReachProgress() {
        progress.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/internal/students/.*"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"statements\":[]}")));
        Accounts.Account ada = Accounts.register("student");
        given().auth().oauth2(ada.accessToken())
                .queryParam("since", "2026-11-01T00:00:00+01:00").queryParam("limit", "5")
                .queryParam("cursor", "a b&c")
                .when().get("/api/v1/students/" + ada.id() + "/statements")
                .then().statusCode(200);
        progress.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                                "/internal/students/" + ada.id() + "/statements"))
                .withQueryParam("since", equalTo("2026-11-01T00:00:00+01:00"))
                .withQueryParam("limit", equalTo("5"))
                .withQueryParam("cursor", equalTo("a b&c")));
        given().auth().oauth2(ada.accessToken()).queryParam("limit", "7")
                .when().get("/api/v1/students/" + ada.id() + "/activity")
                .then().statusCode(200);
        progress.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                                "/internal/students/" + ada.id() + "/activity"))
                .withQueryParam("limit", equalTo("7")));
    }

    @Test
    void systemHealthAsksEveryBackendThroughTheSidecars() {
        sandbox.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/q/health/ready"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"UP\"}")));
        // Only code-execution runs in this mesh: it is UP, the others DOWN, so the system is not ready.
        given().when().get("/api/v1/health")
                .then().statusCode(503)
                .body("status", org.hamcrest.Matchers.equalTo("DOWN"))
                .body("services.code-execution", org.hamcrest.Matchers.equalTo("UP"))
                .body("services.triage", org.hamcrest.Matchers.equalTo("DOWN"))
                .body("services.size()", org.hamcrest.Matchers.equalTo(9));
    }

    @Test
    void backendProblemsAreRelayedAsTheyCame() {
        sandbox.stubFor(post(urlEqualTo("/internal/runs")).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/problem+json").withHeader("Retry-After", "2")
                .withBody("{\"type\":\"https://learnflow.dev/problems/sandbox-busy\",\"title\":\"Busy\",\"status\":429}")));
        Accounts.Account ada = Accounts.register("student");
        ada.postJson("/api/v1/runs", Map.of("code", "print(1)"))
                .then().statusCode(429)
                .header("Retry-After", "2")
                .contentType("application/problem+json");
    }

    @Test
    void aBackendSlowerThanTheRoutesTimeoutGivesA504Problem() {
        // The standard route timeout (3 s) ends the wait; the sidecars' own timeouts (10 s) are longer.
        progress.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/internal/students/.*/streak"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(4_000)
                        .withHeader("Content-Type", "application/json").withBody("{}")));
        Accounts.Account ada = Accounts.register("student");
        given().auth().oauth2(ada.accessToken())
                .when().get("/api/v1/students/" + ada.id() + "/streak")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("https://learnflow.dev/problems/gateway-timeout"));
    }

    @Test
    void aBackendThatIsDownGivesA503ProblemQuickly() {
        // triage has no app in this mesh: its sidecar lookup fails like daprd's does for an unknown app.
        Accounts.Account ada = Accounts.register("student");
        ada.postJson("/api/v1/questions", Map.of("question", "What is a list?"))
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("https://learnflow.dev/problems/service-unavailable"));
    }

    @Test
    void repeatedFailuresOpenTheCircuitWhichThenAnswersWithRetryAfter() {
        Accounts.Account ada = Accounts.register("student");
        String retryAfter = null;
        for (int i = 0; i < 25 && retryAfter == null; i++) { // opens once half of at least 20 calls failed
            retryAfter = ada.postJson("/api/v1/questions", Map.of("question", "What is a tuple?"))
                    .then().statusCode(503).extract().header("Retry-After");
        }
        assertThat(retryAfter).as("Retry-After once the circuit is open").isNotNull();
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 10);
    }
}
