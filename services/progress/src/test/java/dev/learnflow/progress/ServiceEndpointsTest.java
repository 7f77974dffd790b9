package dev.learnflow.progress;

import dev.learnflow.local.testing.ServiceEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class ServiceEndpointsTest extends ServiceEndpointsContract {

    ServiceEndpointsTest() {
        super("LearnFlow Progress service API", List.of("progress.events"));
    }

    @Test
    void advertisesTheStudentActor() {
        given().when().get("/dapr/config").then().statusCode(200).body("entities", hasItem("StudentActor"));
    }
}
