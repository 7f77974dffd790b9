package dev.learnflow.websocket;

import dev.learnflow.local.testing.ServiceEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class ServiceEndpointsTest extends ServiceEndpointsContract {

    ServiceEndpointsTest() {
        super("LearnFlow WebSocket relay API", List.of("learning.responses", "progress.events", "exercise.generated"));
    }

    @Test
    void readinessReportsTheRelay() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.name", hasItem("websocket-relay"));
    }
}
