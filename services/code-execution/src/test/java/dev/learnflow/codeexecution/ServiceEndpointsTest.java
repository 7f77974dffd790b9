package dev.learnflow.codeexecution;

import dev.learnflow.local.testing.ServiceEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

@QuarkusTest
class ServiceEndpointsTest extends ServiceEndpointsContract {

    ServiceEndpointsTest() {
        super("LearnFlow Code execution service API");
    }

    /** The busy and unavailable answers, declared once on the resource, are documented on both operations. */
    @ParameterizedTest
    @ValueSource(strings = {"/internal/runs", "/internal/runs/tests"})
    void bothRunOperationsDocumentBusyAndUnavailableProblems(String path) {
        String responses = "paths.'" + path + "'.post.responses";
        given().accept(ContentType.JSON).when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body(responses, hasKey("200"))
                .body(responses, hasKey("400"))
                .body(responses + ".'429'.content", hasKey("application/problem+json"))
                .body(responses + ".'503'.description",
                        equalTo("Sandbox unavailable (self-test failed); nothing was run"));
    }
}
