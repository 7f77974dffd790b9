package dev.learnflow.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.local.testing.LocalSidecar;
import dev.learnflow.local.testing.MeshPeers;
import dev.learnflow.local.testing.SubscriberApp;
import dev.learnflow.local.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.restassured.http.ContentType;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Every test of this module runs with: the database and triage's local sidecar with the repository's real
 * components: Kafka (embedded) for pub/sub and PostgreSQL for the state store. The tests share the way they ask
 * triage a question as a student and wait for what comes of it, kept here.
 */
@QuarkusTestResource(value = TestDatabase.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = LocalSidecar.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "appId", value = "triage"), @ResourceArg(name = "components", value = "real")})
final class TriageFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TriageFixtures() {
    }

    /** {@code POST /internal/questions} as {@code student}: 202, pending, with its link; the request id. */
    static String ask(UUID student, Map<String, ?> body) {
        return given().header("x-learnflow-user", student.toString()).header("x-learnflow-roles", "student")
                .contentType(ContentType.JSON).body(body)
                .when().post("/internal/questions")
                .then().statusCode(202)
                .body("status", equalTo("pending")).body("links.self", notNullValue())
                .extract().path("requestId");
    }

    /** The stored query ({@code GET /internal/queries/{id}}) once it is no longer pending. */
    static JsonNode answered(UUID student, String requestId, Duration within) {
        await().atMost(within).until(() -> !"pending".equals(given()
                .header("x-learnflow-user", student.toString()).when().get("/internal/queries/" + requestId)
                .then().statusCode(200).extract().path("status")));
        try {
            return JSON.readTree(given().header("x-learnflow-user", student.toString())
                    .when().get("/internal/queries/" + requestId).then().statusCode(200).extract().asString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The data of the first event on {@code topic} for the request, as the sink received it. */
    static JsonNode published(SubscriberApp sink, String topic, String requestId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !MeshPeers.received(sink, topic,
                d -> question(d).path("requestId").asText().equals(requestId)).isEmpty());
        return MeshPeers.received(sink, topic, d -> question(d).path("requestId").asText().equals(requestId)).get(0)
                .path("data");
    }

    /** The question an event carries: concepts.requests nests the forwarded one as {@code request}, others are it. */
    static JsonNode question(JsonNode data) {
        return data.has("request") ? data.path("request") : data;
    }
}
