package dev.learnflow.websocket.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.learnflow.websocket.config.RelayConfig;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The replica-wide memory bound of the replay buffers, and delivery only to the recipients' sockets. */
class RelayBudgetTest {

    private final Relay relay = new Relay(new ObjectMapper().registerModule(new JavaTimeModule()), config(2_000),
            Clock.systemUTC());

    private static RelayMessage message(String text) {
        return new RelayMessage(UUID.randomUUID().toString(), MessageTypes.LEARNING_RESPONSE, null,
                Map.of("text", text), Instant.now());
    }

    @Test
    void overTheBudgetOnlyUsersConnectedHereAreBuffered() {
        String big = "x".repeat(600);
        for (int i = 0; i < 4; i++) {
            relay.deliver(message(big), List.of(UUID.randomUUID()));
        }
        assertThat(relay.bufferedBytes()).isGreaterThanOrEqualTo(2_000);
        int usersBefore = relay.bufferedUsers();

        relay.deliver(message(big), List.of(UUID.randomUUID()));
        assertThat(relay.bufferedUsers()).as("an offline user is no longer buffered").isEqualTo(usersBefore);

        UUID online = UUID.randomUUID();
        FakeChannel socket = new FakeChannel();
        relay.open(relay.newSession(socket, online, Set.of("student"), null), null);
        Relay.DeliveryReport report = relay.deliver(message("for you"), List.of(online));
        assertThat(report.connections()).isEqualTo(1);
        assertThat(socket.sent).hasSize(2); // welcome, then the message
        assertThat(socket.sent.get(1)).contains("for you");
    }

    @Test
    void aMessageReachesOnlyItsRecipients() {
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        FakeChannel adaSocket = new FakeChannel();
        FakeChannel bobSocket = new FakeChannel();
        relay.open(relay.newSession(adaSocket, ada, Set.of("student"), null), null);
        relay.open(relay.newSession(bobSocket, bob, Set.of("student"), null), null);
        relay.deliver(message("for ada"), List.of(ada));
        assertThat(adaSocket.sent).hasSize(2);
        assertThat(bobSocket.sent).hasSize(1);
        assertThat(bobSocket.sent.get(0)).contains("\"type\":\"welcome\"");
    }

    private static RelayConfig config(long maxTotalBytes) {
        return new RelayConfig() {
            public Duration heartbeatInterval() {
                return Duration.ofSeconds(20);
            }

            public Duration idleTimeout() {
                return Duration.ofSeconds(60);
            }

            public int maxConnectionsPerUser() {
                return 10;
            }

            public int socketSendBufferBytes() {
                return 65_536;
            }

            public SendQueue sendQueue() {
                return new SendQueue() {
                    public int maxMessages() {
                        return 256;
                    }

                    public long maxBytes() {
                        return 1 << 20;
                    }
                };
            }

            public Replay replay() {
                return new Replay() {
                    public Duration window() {
                        return Duration.ofMinutes(5);
                    }

                    public int maxMessages() {
                        return 200;
                    }

                    public long maxBytes() {
                        return 1 << 19;
                    }

                    public int maxUsers() {
                        return 1_000;
                    }

                    public long maxTotalBytes() {
                        return maxTotalBytes;
                    }
                };
            }
        };
    }
}
