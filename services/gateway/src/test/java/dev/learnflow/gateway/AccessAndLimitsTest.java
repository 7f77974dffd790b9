package dev.learnflow.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.learnflow.local.testing.ProblemResponse.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class AccessAndLimitsTest {

    @Test
    void studentCannotReadAnotherStudentsProgress() {
        Accounts.Account ada = Accounts.register("student");
        Accounts.Account bob = Accounts.register("student");
        ada.get("/api/v1/students/" + bob.id() + "/progress")
                .then().spec(problem(403, "forbidden"));
    }

    @Test
    void teacherReachesOnlyTheirOwnStudents() {
        Accounts.Account teacher = Accounts.register("teacher");
        Accounts.Account otherTeacher = Accounts.register("teacher");
        Accounts.Account student = Accounts.register("student", teacher.id());
        otherTeacher.get("/api/v1/students/" + student.id() + "/streak")
                .then().statusCode(403);
        // The own teacher passes the access check (the progress backend itself is not in this test's mesh).
        int status = teacher.get("/api/v1/students/" + student.id() + "/streak")
                .then().extract().statusCode();
        assertThat(status).isNotIn(401, 403);
    }

    @Test
    void studentCannotCallTeacherRoutes() {
        Accounts.Account ada = Accounts.register("student");
        ada.get("/api/v1/teacher/alerts")
                .then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void malformedIdInPathIsABadRequest() {
        Accounts.Account ada = Accounts.register("student");
        ada.get("/api/v1/students/not-a-uuid/progress")
                .then().spec(problem(400, "invalid-id"));
    }

    @Test
    void tooManyRequestsGet429WithRetryAfter() {
        Accounts.Account ada = Accounts.register("student");
        int limited = 0;
        String retryAfter = null;
        for (int i = 0; i < 120 && limited == 0; i++) {
            var response = ada.get("/api/v1/me");
            if (response.statusCode() == 429) {
                limited++;
                retryAfter = response.header("Retry-After");
                assertThat(response.contentType()).startsWith("application/problem+json");
            }
        }
        assertThat(limited).as("a 429 within 120 rapid requests").isEqualTo(1);
        assertThat(Integer.parseInt(retryAfter)).isPositive();
        // Another user is not affected by ada's bucket.
        Accounts.Account bob = Accounts.register("student");
        bob.get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void oversizedBodyIsRejectedWith413() {
        Accounts.Account ada = Accounts.register("student");
        String huge = "x".repeat(70 * 1024);
        ada.postJson("/api/v1/runs", Map.of("code", huge))
                .then().spec(problem(413, "payload-too-large"));
    }

    @Test
    void invalidRunRequestNamesTheField() {
        Accounts.Account ada = Accounts.register("student");
        ada.postJson("/api/v1/runs", Map.of("code", "", "timeoutMs", 60_000))
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("code"))
                .body("errors.field", hasItem("timeoutMs"));
    }

    @Test
    void docsRedirectToSwaggerUi() {
        given().redirects().follow(false).when().get("/docs")
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/q/swagger-ui/"));
    }
}
