package dev.learnflow.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.local.testing.SocketClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** POST /internal/notifications: how the notification service puts a live alert on a teacher's sockets. */
@QuarkusTest
class PushTest {

    @Test
    void aTeacherReceivesAnAlertPushedForThem() {
        UUID teacher = UUID.randomUUID();
        UUID otherTeacher = UUID.randomUUID();
        UUID student = UUID.randomUUID();
        try (SocketClient teacherSocket = SocketClient.connect(Tokens.valid(teacher, "teacher"));
             SocketClient otherSocket = SocketClient.connect(Tokens.valid(otherTeacher, "teacher"))) {
            String alertId = UUID.randomUUID().toString();
            Pushes.push(Pushes.alert(alertId, teacher, student, "x"))
                    .statusCode(202).body("connections", equalTo(1)).body("duplicates", equalTo(0));
            String otherAlert = UUID.randomUUID().toString();
            Pushes.push(Pushes.alert(otherAlert, otherTeacher, UUID.randomUUID(), "y")).statusCode(202);

            JsonNode alert = teacherSocket.nextRelayed();
            assertThat(alert.path("id").asText()).isEqualTo(alertId);
            assertThat(alert.path("type").asText()).isEqualTo("alert.created");
            assertThat(alert.path("payload").path("studentId").asText()).isEqualTo(student.toString());
            assertThat(alert.path("payload").path("severity").asText()).isEqualTo("high");
            assertThat(alert.path("payload").path("evidence").path("count").asInt()).isEqualTo(4);
            assertThat(otherSocket.nextRelayed().path("id").asText()).isEqualTo(otherAlert);
        }
    }

    @Test
    void aRetriedPushIsDeliveredOnce() {
        UUID teacher = UUID.randomUUID();
        try (SocketClient socket = SocketClient.connect(Tokens.valid(teacher, "teacher"))) {
            Map<String, Object> push = Pushes.alert(UUID.randomUUID().toString(), teacher, UUID.randomUUID(), "x");
            Pushes.push(push).statusCode(202).body("connections", equalTo(1));
            Pushes.push(push).statusCode(202).body("connections", equalTo(0)).body("duplicates", equalTo(1));
            String marker = UUID.randomUUID().toString();
            Pushes.push(Pushes.alert(marker, teacher, UUID.randomUUID(), "marker")).statusCode(202);
            assertThat(socket.nextRelayed().path("id").asText()).isEqualTo(push.get("id"));
            assertThat(socket.nextRelayed().path("id").asText()).isEqualTo(marker);
        }
    }

    @Test
    void aMalformedPushIsAProblemNamingTheFields() {
        Pushes.push(Map.of("id", "a b", "type", "Alert!", "recipients", List.of(), "payload", Map.of()))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("recipients"))
                .body("errors.field", hasItem("type"))
                .body("errors.field", hasItem("id"));
        Pushes.push(Map.of("id", "x1", "type", "alert.created", "recipients", List.of("not-a-uuid"),
                        "payload", Map.of()))
                .statusCode(400).contentType("application/problem+json");
        Pushes.push(Map.of("id", "x2", "type", "alert.created", "recipients", List.of(UUID.randomUUID().toString()),
                        "payload", List.of(1, 2)))
                .statusCode(400).contentType("application/problem+json");
    }
}
