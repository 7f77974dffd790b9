package dev.learnflow.codeexecution;

import dev.learnflow.local.testing.ConfigOverrides;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Without a working bubblewrap the service is unready and runs nothing: never unsandboxed. */
@QuarkusTest
@TestProfile(FailClosedTest.NoBubblewrap.class)
class FailClosedTest {

    public static class NoBubblewrap extends ConfigOverrides {
        public NoBubblewrap() {
            super(Map.of("learnflow.sandbox.bwrap", "/nonexistent/bwrap"));
        }
    }

    @Test
    void readinessIsDown() {
        given().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("status", equalTo("DOWN"))
                // Found by name: the order of the checks (sandbox, the db jar's schema) is not fixed.
                .body("checks.find { it.name == 'sandbox' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'sandbox' }.data.detail", containsString("bubblewrap"));
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void runsAreRefusedWithAProblem() {
        Runs.run("open('/tmp/ran-unsandboxed', 'w')").then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "30")
                .body("type", equalTo("https://learnflow.dev/problems/sandbox-unavailable"))
                .body("detail", containsString("no code is run"));
        Runs.tests(Map.of("code", "x = 1", "tests", java.util.List.of(Map.of("name", "t", "call", "x",
                        "expected", "1", "visibility", "shown"))))
                .then().statusCode(503);
        org.assertj.core.api.Assertions.assertThat(java.nio.file.Path.of("/tmp/ran-unsandboxed")).doesNotExist();
    }
}
