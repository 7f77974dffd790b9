package dev.learnflow.codeexecution;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Bad input is a 400 problem+json and never reaches the sandbox. */
@QuarkusTest
class ValidationTest {

    private static io.restassured.response.ValidatableResponse post(Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/internal/runs").then();
    }

    @Test
    void codeIsRequired() {
        post(Map.of("stdin", "x")).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://learnflow.dev/problems/validation"))
                .body("errors.field", hasItem("code"));
    }

    @Test
    void codeIsAtMostTwentyThousandCharacters() {
        post(Map.of("code", "x" .repeat(20_001))).statusCode(400).body("errors.field", hasItem("code"));
    }

    @Test
    void timeoutCannotExceedTheServerMaximum() {
        post(Map.of("code", "print(1)", "timeoutMs", 5_001)).statusCode(400)
                .body("errors.field", hasItem("timeoutMs"));
        post(Map.of("code", "print(1)", "timeoutMs", 10)).statusCode(400)
                .body("errors.field", hasItem("timeoutMs"));
    }

    @Test
    void malformedJsonIsAProblem() {
        given().contentType(ContentType.JSON).body("{\"code\": ").when().post("/internal/runs")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void stdinReachesTheProgram() {
        post(Map.of("code", "import sys\nprint(sys.stdin.read().upper())", "stdin", "héllo\nworld"))
                .statusCode(200).body("stdout", equalTo("HÉLLO\nWORLD\n")).body("status", equalTo("ok"));
    }

    @Test
    void syntaxErrorsAreParsed() {
        post(Map.of("code", "x = 1\ndef f(:\n    pass\n")).statusCode(200)
                .body("status", equalTo("runtime_error"))
                .body("exception.type", equalTo("SyntaxError"))
                .body("exception.line", equalTo(2));
    }

    @Test
    void exitCodesAndSystemExit() {
        post(Map.of("code", "import sys\nprint('bye')\nsys.exit(3)")).statusCode(200)
                .body("status", equalTo("runtime_error")).body("exitCode", equalTo(3))
                .body("stdout", equalTo("bye\n"));
        post(Map.of("code", "exit()")).statusCode(200).body("status", equalTo("ok")).body("exitCode", equalTo(0));
    }
}
