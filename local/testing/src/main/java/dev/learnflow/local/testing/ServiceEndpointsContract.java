package dev.learnflow.local.testing;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * What every LearnFlow service must serve: health, its OpenAPI document and Swagger UI, and RFC 7807 errors.
 * Each service's {@code @QuarkusTest} extends this, so the contract is written once.
 */
public abstract class ServiceEndpointsContract {

    /** The OpenAPI {@code info.title} the service declares. */
    private final String expectedTitle;
    /** The topics the service subscribes to, exactly; null leaves the list unchecked. */
    private final List<String> subscribedTopics;

    /** A service declaring {@code expectedTitle}; its subscriptions must still name their dead-letter topics. */
    protected ServiceEndpointsContract(String expectedTitle) {
        this(expectedTitle, null);
    }

    /** A service declaring {@code expectedTitle} that subscribes to exactly {@code subscribedTopics}. */
    protected ServiceEndpointsContract(String expectedTitle, List<String> subscribedTopics) {
        this.expectedTitle = expectedTitle;
        this.subscribedTopics = subscribedTopics;
    }

    @Test
    void subscriptionsNameTheirDeadLetterTopics() {
        JsonPath subscriptions = given().when().get("/dapr/subscribe").then().statusCode(200).extract().jsonPath();
        List<String> topics = subscriptions.getList("topic");
        assertThat(subscriptions.<String>getList("deadLetterTopic"))
                .containsExactlyElementsOf(topics.stream().map(topic -> topic + ".dlq").toList());
        if (subscribedTopics != null) {
            assertThat(topics).containsExactlyInAnyOrderElementsOf(subscribedTopics);
        }
    }

    @Test
    void liveAndReadyHealthAreUp() {
        given().when().get("/q/health/live")
                .then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void servesItsOpenApiDocument() {
        given().accept(ContentType.JSON).when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("openapi", org.hamcrest.Matchers.startsWith("3."))
                .body("info.title", equalTo(expectedTitle));
    }

    @Test
    void servesSwaggerUi() {
        given().when().get("/q/swagger-ui/")
                .then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void unknownRouteIsAProblemDocument() {
        given().when().get("/no/such/route")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://learnflow.dev/problems/not-found"))
                .body("status", equalTo(404));
    }

    @Test
    void healthListsChecksByName() {
        given().when().get("/q/health")
                .then().statusCode(200)
                .body("checks.name", org.hamcrest.Matchers.not(hasItem("")));
    }
}
