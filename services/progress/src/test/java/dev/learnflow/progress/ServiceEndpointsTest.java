package dev.learnflow.progress;

import dev.learnflow.local.testing.ServiceEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class ServiceEndpointsTest extends ServiceEndpointsContract {

    @Override
    protected String expectedTitle() {
        return "LearnFlow Progress service API";
    }

    @Test
    void advertisesTheStudentActorAndTheProgressSubscription() {
        given().when().get("/dapr/config").then().statusCode(200).body("entities", hasItem("StudentActor"));
        given().when().get("/dapr/subscribe").then().statusCode(200)
                .body("topic", hasItem("progress.events"))
                .body("find { it.topic == 'progress.events' }.deadLetterTopic", equalTo("progress.events.dlq"));
    }
}
