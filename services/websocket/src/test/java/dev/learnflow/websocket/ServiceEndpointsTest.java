package dev.learnflow.websocket;

import dev.learnflow.local.testing.JwtTestKeys;
import dev.learnflow.local.testing.LocalSidecar;
import dev.learnflow.local.testing.ServiceEndpointsContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

/**
 * Also declares, for every test of this module, the JWT keys and the service's real local sidecar over an
 * embedded Kafka (components=real: the repository's kafka-pubsub component, consumer group = app id).
 */
@QuarkusTest
@QuarkusTestResource(value = JwtTestKeys.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = LocalSidecar.class, restrictToAnnotatedClass = false, initArgs = {
        @ResourceArg(name = "appId", value = "websocket"),
        @ResourceArg(name = "components", value = "real")})
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
