package dev.learnflow.notification;

import dev.learnflow.local.testing.ServiceEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class ServiceEndpointsTest extends ServiceEndpointsContract {

    @Override
    protected String expectedTitle() {
        return "LearnFlow Notification service API";
    }

    @Test
    void subscribesToStruggleSignalsWithADeadLetterTopic() {
        given().when().get("/dapr/subscribe")
                .then().statusCode(200)
                .body("topic", hasItem("struggle.detected"))
                .body("deadLetterTopic", hasItem("struggle.detected.dlq"));
    }
}
