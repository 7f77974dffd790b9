package dev.learnflow.notification;

import dev.learnflow.local.testing.LocalSidecar;
import dev.learnflow.local.testing.ServiceEndpointsContract;
import dev.learnflow.local.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

/**
 * Also declares, for every test of this module, the test database and the service's real local sidecar over an
 * embedded Kafka and the machine's PostgreSQL (components=real).
 */
@QuarkusTest
@QuarkusTestResource(value = TestDatabase.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = LocalSidecar.class, restrictToAnnotatedClass = false, initArgs = {
        @ResourceArg(name = "appId", value = "notification"),
        @ResourceArg(name = "components", value = "real")})
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
