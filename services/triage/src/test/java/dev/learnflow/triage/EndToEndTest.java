package dev.learnflow.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.learnflow.local.testing.MeshPeers;
import dev.learnflow.local.testing.SubscriberApp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole question path through real sidecars and the embedded Kafka: triage → concepts.requests → the real
 * concepts service (child JVM) → learning.responses → triage stores the answer → GET /internal/queries/{id}; and the
 * tutor's answer becomes a turn of the conversation that travels with the next question.
 */
@QuarkusTest
class EndToEndTest {

    static ConceptsApp concepts;

    @Inject
    ObjectMapper mapper;

    @BeforeAll
    static void startConcepts() throws Exception {
        concepts = ConceptsApp.start();
    }

    @AfterAll
    static void stopConcepts() throws Exception {
        if (concepts != null) {
            concepts.close();
        }
    }

    @Test
    void aQuestionIsAnsweredByTheConceptsServiceAndServedByTriage() throws Exception {
        UUID student = UUID.randomUUID();
        WireMockServer progress = MeshPeers.peer("progress");
        progress.stubFor(get(urlPathEqualTo("/internal/students/" + student + "/context")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(mapper.writeValueAsString(Map.of("currentModuleId", "collections",
                        "currentTopicId", "comprehensions", "mastery", Map.of("comprehensions", 0.92))))));
        SubscriberApp sink = MeshPeers.subscriber("triage-e2e-sink", "concepts.requests");

        String requestId = given().header("x-learnflow-user", student.toString()).contentType(ContentType.JSON)
                .body(Map.of("question", "What is a list comprehension and when should I use one?"))
                .when().post("/internal/questions")
                .then().statusCode(202).extract().path("requestId");

        JsonNode answer = awaitAnswered(student, requestId);
        assertThat(answer.path("kind").asText()).isEqualTo("concept");
        assertThat(answer.path("responder").asText()).isEqualTo("concepts");
        JsonNode data = answer.path("data");
        assertThat(data.path("topicId").asText()).isEqualTo("comprehensions");
        assertThat(data.path("level").asText()).as("mastery 0.92 from progress → advanced wording")
                .isEqualTo("advanced");
        assertThat(data.path("example").asText()).contains("for n in nums");
        assertThat(answer.path("text").asText()).startsWith("## Comprehensions").contains("```python");

        String followUp = given().header("x-learnflow-user", student.toString()).contentType(ContentType.JSON)
                .body(Map.of("question", "And what is a generator expression?", "conversationId", requestId))
                .when().post("/internal/questions")
                .then().statusCode(202).extract().path("requestId");
        JsonNode turns = TriageFixtures.published(sink, "concepts.requests", followUp).path("request")
                .path("context").path("recentTurns");
        assertThat(turns).hasSize(2);
        assertThat(turns.get(1).path("speaker").asText()).isEqualTo("tutor");
        assertThat(turns.get(1).path("text").asText()).startsWith("## Comprehensions");
        assertThat(awaitAnswered(student, followUp).path("responder").asText()).isEqualTo("concepts");
    }

    private static JsonNode awaitAnswered(UUID student, String requestId) {
        return TriageFixtures.answered(student, requestId, Duration.ofSeconds(120));
    }
}
