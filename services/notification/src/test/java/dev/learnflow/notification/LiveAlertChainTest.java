package dev.learnflow.notification;

import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.StruggleDetected;
import dev.learnflow.local.testing.JwtTestKeys;
import dev.learnflow.local.testing.SocketClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole chain with both real services: struggle.detected on Kafka → notification's sidecar → this service →
 * alert row → notification's sidecar → websocket-b's sidecar (access control) → the real websocket service → the
 * teacher's real WebSocket. Another teacher's socket on the same service gets nothing of it.
 */
@QuarkusTest
class LiveAlertChainTest extends WithWebsocketReplicas {

    @Test
    void aTeacherSeesTheAlertLiveOnTheirSocket() {
        UUID teacher = Db.teacher();
        UUID student = Db.student(teacher);
        UUID otherTeacher = Db.teacher();
        UUID otherStudent = Db.student(otherTeacher);
        try (SocketClient teacherSocket = open(teacher); SocketClient otherSocket = open(otherTeacher)) {
            assertThat(teacherSocket.next().path("type").asText()).isEqualTo("welcome");
            assertThat(otherSocket.next().path("type").asText()).isEqualTo("welcome");

            CloudEvent<StruggleDetected> signal = Signals.publish(dapr, Signals.repeatedError(student, "variables"));
            CloudEvent<StruggleDetected> otherSignal = Signals.publish(dapr,
                    Signals.repeatedError(otherStudent, "for-loops"));

            JsonNode alert = teacherSocket.next();
            String stored = Db.alertsOf(student).get(0).get("id").toString();
            assertThat(alert.path("type").asText()).isEqualTo("alert.created");
            assertThat(alert.path("id").asText()).isEqualTo(stored);
            assertThat(alert.path("correlationId").asText()).isEqualTo(signal.id());
            assertThat(alert.path("payload").path("studentId").asText()).isEqualTo(student.toString());
            assertThat(alert.path("payload").path("topicId").asText()).isEqualTo("variables");
            assertThat(alert.path("payload").path("reason").asText()).isEqualTo("repeated_error");
            assertThat(alert.path("payload").path("evidence").path("errorType").asText()).isEqualTo("TypeError");

            // The other teacher's first relayed message is their own student's alert, not this one.
            JsonNode other = otherSocket.next();
            assertThat(other.path("correlationId").asText()).isEqualTo(otherSignal.id());
            assertThat(other.path("payload").path("studentId").asText()).isEqualTo(otherStudent.toString());
        }
    }

    /** A teacher's browser tab on the real websocket service, with the token in the query as browsers send it. */
    private static SocketClient open(UUID teacher) {
        return SocketClient.connect(URI.create("ws://127.0.0.1:" + WebsocketReplicas.relayPort()
                        + "/ws?access_token=" + JwtTestKeys.accessToken(teacher, "teacher")))
                .waitingUpTo(NotificationFixtures.WAIT).explainingFailuresWith(WebsocketReplicas::relayDiagnostics);
    }
}
