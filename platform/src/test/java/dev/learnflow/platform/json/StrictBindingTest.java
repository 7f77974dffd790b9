package dev.learnflow.platform.json;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Through a real endpoint: a number or boolean where the contract says text is a 400 problem, not a guess. */
@QuarkusTest
class StrictBindingTest {

    private static io.restassured.response.ValidatableResponse post(String json) {
        return given().contentType("application/json").body(json)
                .when().post("/test/strict-binding").then();
    }

    @Test
    void textIsAccepted() {
        post("{\"question\": \"Why 5?\"}").statusCode(200).body(equalTo("Why 5?"));
    }

    @Test
    void aNumberOrBooleanWhereTextIsExpectedIsAProblem() {
        for (String bad : new String[] {"{\"question\": 5}", "{\"question\": 5.5}", "{\"question\": true}",
                "{\"question\": \"ok\", \"topicId\": 7}"}) {
            post(bad).statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://learnflow.dev/problems/malformed-json"))
                    .body("errors.field", hasItem(bad.contains("topicId") ? "topicId" : "question"));
        }
    }
}
