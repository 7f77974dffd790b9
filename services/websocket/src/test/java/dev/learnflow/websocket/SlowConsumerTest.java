package dev.learnflow.websocket;

import dev.learnflow.local.testing.SocketClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that stops reading fills its socket; the relay keeps queueing to everyone else, and once the stalled
 * socket's send queue is over its bound (64 messages / 256 KiB in tests, beyond a 64 KiB socket send buffer) the
 * socket is dropped.
 */
@QuarkusTest
class SlowConsumerTest {

    private static final int MAX_PUSHES = 2_000;
    private static final String LARGE = "x".repeat(32 * 1024);

    @Test
    void aStalledReaderIsDroppedWhileOthersKeepReceiving() throws Exception {
        UUID slow = UUID.randomUUID();
        UUID fast = UUID.randomUUID();
        long droppedBefore = slowConsumersDropped();
        try (RawSocket stalled = RawSocket.open(SocketClient.appPort(),
                "/ws?access_token=" + Tokens.valid(slow, "teacher"), 4096);
             SocketClient reader = SocketClient.connect(Tokens.valid(fast, "teacher"))) {
            List<String> forFast = new ArrayList<>();
            int pushedToSlow = 0;
            boolean dropped = false;
            while (!dropped && pushedToSlow < MAX_PUSHES) {
                int queuedTo = Pushes.push(Pushes.alert(UUID.randomUUID().toString(), slow, UUID.randomUUID(), LARGE))
                        .statusCode(202).extract().path("connections");
                pushedToSlow++;
                dropped = queuedTo == 0;
                if (pushedToSlow % 5 == 0) {
                    String id = UUID.randomUUID().toString();
                    Pushes.push(Pushes.alert(id, fast, UUID.randomUUID(), "small")).statusCode(202);
                    forFast.add(id);
                }
            }
            assertThat(dropped).as("the stalled socket was dropped after %d pushes", pushedToSlow).isTrue();
            assertThat(slowConsumersDropped()).isGreaterThan(droppedBefore);

            String after = UUID.randomUUID().toString();
            Pushes.push(Pushes.alert(after, fast, UUID.randomUUID(), "after")).statusCode(202)
                    .body("connections", org.hamcrest.Matchers.equalTo(1));
            forFast.add(after);
            // The reader got every one of its messages, in order, while the other socket was stuck.
            for (String id : forFast) {
                assertThat(reader.nextRelayed().path("id").asText()).isEqualTo(id);
            }

            // The stalled client, once it reads again, finds fewer messages than were pushed and then the end.
            int received = 0;
            RawSocket.Frame frame;
            while (true) {
                try {
                    frame = stalled.readFrame();
                } catch (java.io.EOFException eof) {
                    frame = null;
                }
                if (frame == null || frame.opcode() == RawSocket.OP_CLOSE) {
                    break;
                }
                if (frame.opcode() == RawSocket.OP_TEXT && frame.text().contains("alert.created")) {
                    received++;
                }
            }
            assertThat(received).isLessThan(pushedToSlow);
            if (frame != null) {
                assertThat(frame.closeCode()).isEqualTo(1008);
                assertThat(frame.text()).contains("send queue full");
            }
        }
    }

    private static long slowConsumersDropped() {
        JsonPath health = given().when().get("/q/health/ready").then().extract().jsonPath();
        Number n = health.get("checks.find { it.name == 'websocket-relay' }.data.closedSlowConsumer");
        return n == null ? 0 : n.longValue();
    }
}
