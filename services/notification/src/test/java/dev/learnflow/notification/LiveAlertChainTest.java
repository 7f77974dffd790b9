package dev.learnflow.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.StruggleDetected;
import io.dapr.client.DaprClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;

import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole chain with both real services: struggle.detected on Kafka → notification's sidecar → this service →
 * alert row → notification's sidecar → websocket-b's sidecar (access control) → the real websocket service → the
 * teacher's real WebSocket. Another teacher's socket on the same service gets nothing of it.
 */
@QuarkusTest
class LiveAlertChainTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DaprClient dapr;

    @BeforeAll
    static void replicas() {
        WebsocketReplicas.start();
    }

    @Test
    void aTeacherSeesTheAlertLiveOnTheirSocket() throws Exception {
        UUID teacher = Db.teacher();
        UUID student = Db.student(teacher);
        UUID otherTeacher = Db.teacher();
        UUID otherStudent = Db.student(otherTeacher);
        try (Socket teacherSocket = Socket.open(teacher); Socket otherSocket = Socket.open(otherTeacher)) {
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

    /** A teacher's browser tab: java.net.http's WebSocket with the token in the query, as browsers send it. */
    private static final class Socket implements AutoCloseable {
        private final WebSocket socket;
        private final BlockingQueue<JsonNode> messages;

        private Socket(WebSocket socket, BlockingQueue<JsonNode> messages) {
            this.socket = socket;
            this.messages = messages;
        }

        static Socket open(UUID teacher) throws Exception {
            BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
            StringBuilder partial = new StringBuilder();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + WebsocketReplicas.relayPort() + "/ws?access_token="
                            + TeacherTokens.valid(teacher, "teacher")), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                            partial.append(data);
                            if (last) {
                                try {
                                    messages.add(JSON.readTree(partial.toString()));
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                } finally {
                                    partial.setLength(0);
                                }
                            }
                            ws.request(1);
                            return null;
                        }
                    }).get(30, TimeUnit.SECONDS);
            return new Socket(socket, messages);
        }

        JsonNode next() throws InterruptedException {
            JsonNode message = messages.poll(Await.BOUND.toSeconds(), TimeUnit.SECONDS);
            assertThat(message).as(() -> "a message within " + Await.BOUND + "; "
                    + WebsocketReplicas.relayDiagnostics()).isNotNull();
            return message;
        }

        @Override
        public void close() {
            socket.abort();
        }
    }

}
