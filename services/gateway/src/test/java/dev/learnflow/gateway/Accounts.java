package dev.learnflow.gateway;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Test accounts created through the public API. */
final class Accounts {

    record Account(UUID id, String email, String password, String accessToken, String refreshToken) {

        /** A GET of {@code path} with this account's access token. */
        Response get(String path) {
            return given().auth().oauth2(accessToken).when().get(path);
        }

        /** A JSON POST to {@code path} with this account's access token. */
        Response postJson(String path, Object body) {
            return given().auth().oauth2(accessToken).contentType(ContentType.JSON).body(body).when().post(path);
        }
    }

    private Accounts() {
    }

    static Account register(String role) {
        return register(role, null);
    }

    static Account register(String role, UUID teacherId) {
        return register(role, teacherId, "Test " + role);
    }

    static Account register(String role, UUID teacherId, String displayName) {
        String email = role + "-" + UUID.randomUUID() + "@example.org";
        String password = "correct horse battery";
        Map<String, Object> body = new java.util.HashMap<>(Map.of("email", email, "password", password,
                "displayName", displayName, "role", role, "timezone", "Europe/Berlin"));
        if (teacherId != null) {
            body.put("teacherId", teacherId.toString());
        }
        var response = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/auth/register")
                .then().statusCode(201).extract().jsonPath();
        return new Account(UUID.fromString(response.getString("user.id")), email, password,
                response.getString("tokens.accessToken"), response.getString("tokens.refreshToken"));
    }
}
