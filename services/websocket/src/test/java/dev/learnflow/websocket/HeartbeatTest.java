package dev.learnflow.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.local.testing.SocketClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Heartbeats (server pings every 1 s in tests) keep live sockets open and close dead ones (idle 6 s). */
@QuarkusTest
class HeartbeatTest {

    @Test
    void aClientThatNeverAnswersPingsIsClosedAsIdle() throws Exception {
        UUID user = UUID.randomUUID();
        try (RawSocket silent = RawSocket.open(SocketClient.appPort(),
                "/ws?access_token=" + Tokens.valid(user, "student"), 0)) {
            int pings = 0;
            RawSocket.Frame frame;
            while (true) {
                frame = silent.readFrame();
                if (frame.opcode() == RawSocket.OP_PING) {
                    pings++;
                } else if (frame.opcode() == RawSocket.OP_CLOSE) {
                    break;
                }
            }
            assertThat(pings).isGreaterThan(0);
            assertThat(frame.closeCode()).isEqualTo(1001);
            assertThat(frame.text()).contains("idle timeout");
        }
    }

    @Test
    void aClientThatAnswersPingsOutlivesTheIdleTimeout() {
        UUID user = UUID.randomUUID();
        try (SocketClient client = SocketClient.connect(Tokens.valid(user, "student"))) {
            client.next(); // welcome
            // Eight pings at one per second span longer than the six-second idle timeout.
            await().alias("server stopped pinging").atMost(SocketClient.WAIT).pollInterval(Duration.ofMillis(100))
                    .failFast("closed while answering pings", () -> client.closed().isDone())
                    .until(() -> client.pingsReceived() >= 8);
            client.send("{\"type\":\"ping\",\"id\":\"still-there\"}");
            JsonNode pong = client.nextOfType("pong");
            assertThat(pong.path("correlationId").asText()).isEqualTo("still-there");
            assertThat(client.closed()).isNotDone();
        }
    }

    @Test
    void anUnknownClientMessageGetsAProblemBack() {
        UUID user = UUID.randomUUID();
        try (SocketClient client = SocketClient.connect(Tokens.valid(user, "student"))) {
            client.send("{\"type\":\"subscribe\",\"topic\":\"everything\"}");
            JsonNode error = client.nextOfType("error");
            assertThat(error.path("payload").path("status").asInt()).isEqualTo(400);
            assertThat(error.path("payload").path("type").asText())
                    .isEqualTo("https://learnflow.dev/problems/bad-socket-message");
            client.send("not json");
            assertThat(client.nextOfType("error").path("payload").path("detail").asText()).contains("not JSON");
            client.send("{\"type\":\"resume\"}");
            assertThat(client.nextOfType("error").path("payload").path("detail").asText()).contains("lastId");
        }
    }
}
