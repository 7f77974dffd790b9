package dev.learnflow.progress;

import io.restassured.specification.RequestSpecification;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Requests carrying the identity the gateway passes on (x-learnflow-user / x-learnflow-roles). */
public final class Caller {

    private Caller() {
    }

    public static RequestSpecification as(UUID user, String role) {
        return given().header("x-learnflow-user", user.toString()).header("x-learnflow-roles", role);
    }

    public static RequestSpecification student(UUID id) {
        return as(id, "student");
    }
}
