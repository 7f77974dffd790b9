package dev.learnflow.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.learnflow.local.testing.ProblemResponse.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class AuthFlowTest {

    @Test
    void registerThenUseTheAccessToken() {
        Accounts.Account ada = Accounts.register("student");
        ada.get("/api/v1/me")
                .then().statusCode(200)
                .body("id", equalTo(ada.id().toString()))
                .body("email", equalTo(ada.email()))
                .body("role", equalTo("student"))
                .body("timezone", equalTo("Europe/Berlin"))
                .body("$", not(org.hamcrest.Matchers.hasKey("passwordHash")));
    }

    @Test
    void loginWithTheRightPasswordOnly() {
        Accounts.Account ada = Accounts.register("student");
        given().contentType(ContentType.JSON)
                .body(Map.of("email", ada.email().toUpperCase(), "password", ada.password()))
                .when().post("/api/v1/auth/login")
                .then().statusCode(200)
                .body("tokenType", equalTo("Bearer"))
                .body("accessToken", notNullValue())
                .body("expiresIn", equalTo(900));
        given().contentType(ContentType.JSON)
                .body(Map.of("email", ada.email(), "password", "wrong password!"))
                .when().post("/api/v1/auth/login")
                .then().spec(problem(401, "invalid-credentials"));
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "nobody-" + ada.email(), "password", ada.password()))
                .when().post("/api/v1/auth/login")
                .then().spec(problem(401, "invalid-credentials"));
    }

    @Test
    void refreshRotatesAndTheOldTokenStopsWorking() {
        Accounts.Account ada = Accounts.register("student");
        String rotated = given().contentType(ContentType.JSON)
                .body(Map.of("refreshToken", ada.refreshToken()))
                .when().post("/api/v1/auth/refresh")
                .then().statusCode(200)
                .body("refreshToken", not(equalTo(ada.refreshToken())))
                .extract().path("refreshToken");
        // The used token is revoked by rotation.
        given().contentType(ContentType.JSON)
                .body(Map.of("refreshToken", ada.refreshToken()))
                .when().post("/api/v1/auth/refresh")
                .then().spec(problem(401, "invalid-refresh-token"));
        // Logout revokes the current one.
        given().contentType(ContentType.JSON)
                .body(Map.of("refreshToken", rotated))
                .when().post("/api/v1/auth/logout")
                .then().statusCode(204);
        given().contentType(ContentType.JSON)
                .body(Map.of("refreshToken", rotated))
                .when().post("/api/v1/auth/refresh")
                .then().statusCode(401);
    }

    @Test
    void duplicateEmailIsAConflict() {
        Accounts.Account ada = Accounts.register("teacher");
        given().contentType(ContentType.JSON)
                .body(Map.of("email", ada.email(), "password", "another password", "displayName", "Ada 2",
                        "timezone", "UTC"))
                .when().post("/api/v1/auth/register")
                .then().spec(problem(409, "email-taken"));
    }

    @Test
    void invalidRegistrationNamesEveryBadField() {
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "not-an-email", "password", "short", "displayName", " ",
                        "role", "admin", "timezone", "Mars/Olympus"))
                .when().post("/api/v1/auth/register")
                .then().spec(problem(400, "validation"))
                .body("errors.field", hasItems("email", "password", "displayName", "role", "timezone"));
    }

    @Test
    void malformedJsonIsABadRequestWithoutInternals() {
        given().contentType(ContentType.JSON).body("{\"email\": ")
                .when().post("/api/v1/auth/login")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", startsWith("https://learnflow.dev/problems/"))
                .body(not(org.hamcrest.Matchers.containsString("Exception")));
    }

    @Test
    void studentCannotJoinANonTeacher() {
        Accounts.Account student = Accounts.register("student");
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "x-" + student.email(), "password", "long enough pw", "displayName", "X",
                        "timezone", "UTC", "teacherId", student.id().toString()))
                .when().post("/api/v1/auth/register")
                .then().spec(problem(400, "unknown-teacher"));
    }
}
