package dev.learnflow.progress;

import dev.learnflow.local.testing.LocalSidecar;
import dev.learnflow.local.testing.ServiceEndpointsContract;
import dev.learnflow.local.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Also declares, for every test of this module, the database and the progress app's real local sidecar with the
 * repository's components (embedded Kafka for pub/sub, the machine's PostgreSQL as state and actor store).
 */
@QuarkusTest
@QuarkusTestResource(value = TestDatabase.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = LocalSidecar.class, restrictToAnnotatedClass = false, initArgs = {
        @ResourceArg(name = "appId", value = "progress"), @ResourceArg(name = "components", value = "real")})
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
