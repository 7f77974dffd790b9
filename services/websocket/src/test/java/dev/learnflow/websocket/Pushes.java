package dev.learnflow.websocket;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Calls POST /internal/notifications as the notification service's sidecar delivers it. */
final class Pushes {

    private Pushes() {
    }

    static Map<String, Object> alert(String id, UUID teacher, UUID student, String filler) {
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("id", id);
        alert.put("studentId", student.toString());
        alert.put("teacherId", teacher.toString());
        alert.put("reason", "repeated_error");
        alert.put("severity", "high");
        alert.put("status", "open");
        alert.put("evidence", Map.of("errorType", "TypeError", "count", 4, "note", filler));
        Map<String, Object> push = new LinkedHashMap<>();
        push.put("id", id);
        push.put("type", "alert.created");
        push.put("correlationId", UUID.randomUUID().toString());
        push.put("recipients", List.of(teacher.toString()));
        push.put("payload", alert);
        push.put("at", Instant.now().toString());
        return push;
    }

    static ValidatableResponse push(Object body) {
        return given().contentType(ContentType.JSON).header("dapr-caller-app-id", "notification").body(body)
                .when().post("/internal/notifications").then();
    }
}
