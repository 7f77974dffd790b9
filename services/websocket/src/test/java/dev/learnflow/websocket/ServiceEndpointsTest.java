package dev.learnflow.websocket;

import dev.learnflow.local.testing.ServiceEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class ServiceEndpointsTest extends ServiceEndpointsContract {

    @Override
    protected String expectedTitle() {
        return "LearnFlow WebSocket relay API";
    }

    @Test
    void subscribesToTheTopicsItRelays() {
        given().when().get("/dapr/subscribe")
                .then().statusCode(200)
                .body("topic", hasItem("learning.responses"))
                .body("topic", hasItem("progress.events"))
                .body("topic", hasItem("exercise.generated"))
                .body("deadLetterTopic", hasItem("learning.responses.dlq"));
    }

    @Test
    void readinessReportsTheRelay() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.name", hasItem("websocket-relay"));
    }
}
