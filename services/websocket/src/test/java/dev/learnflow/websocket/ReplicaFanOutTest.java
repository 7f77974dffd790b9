package dev.learnflow.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.LearningResponded;
import dev.learnflow.local.infra.Ports;
import dev.learnflow.local.sidecar.Sidecar;
import dev.learnflow.local.testing.LocalSidecar;
import dev.learnflow.platform.dapr.EventBus;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replica strategy (README): each websocket replica runs under its own Dapr app id, so with the repository's
 * kafka-pubsub component (consumerGroup = {appID}) each replica is its own consumer group and sees every event.
 * A second replica ("websocket-b", a minimal subscriber app) receives the same event as the service under test.
 */
@QuarkusTest
class ReplicaFanOutTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BlockingQueue<String> SEEN_BY_SECOND_REPLICA = new LinkedBlockingQueue<>();
    private static HttpServer secondReplica;
    private static Sidecar secondSidecar;

    @Inject
    EventBus events;

    @BeforeAll
    static void startSecondReplica() throws IOException {
        secondReplica = HttpServer.create(new InetSocketAddress("127.0.0.1", Ports.freePort()), 0);
        secondReplica.createContext("/dapr/subscribe", exchange -> reply(exchange,
                "[{\"pubsubname\":\"kafka-pubsub\",\"topic\":\"learning.responses\",\"route\":\"/events\"}]"));
        secondReplica.createContext("/events", exchange -> {
            JsonNode event = JSON.readTree(exchange.getRequestBody());
            SEEN_BY_SECOND_REPLICA.add(event.path("id").asText());
            reply(exchange, "{\"status\":\"SUCCESS\"}");
        });
        secondReplica.start();
        secondSidecar = LocalSidecar.startPeer("websocket-b", secondReplica.getAddress().getPort());
    }

    @AfterAll
    static void stopSecondReplica() {
        secondSidecar.stop();
        secondReplica.stop(0);
    }

    @Test
    void everyReplicaReceivesEveryEvent() throws InterruptedException {
        UUID ada = UUID.randomUUID();
        try (SocketClient socket = SocketClient.connect(Tokens.valid(ada, "student"))) {
            CloudEvent<LearningResponded> answer = events.publish(EventTopic.LEARNING_RESPONSES,
                    Events.answer(ada, "seen everywhere"));
            assertThat(socket.nextRelayed().path("id").asText()).isEqualTo(answer.id());
            assertThat(awaitOnSecondReplica(answer.id())).as("the second replica got the event too").isTrue();
        }
    }

    private static boolean awaitOnSecondReplica(String id) throws InterruptedException {
        long giveUp = System.nanoTime() + SocketClient.WAIT.toNanos() * 2;
        while (System.nanoTime() < giveUp) {
            String seen = SEEN_BY_SECOND_REPLICA.poll(1, TimeUnit.SECONDS);
            if (id.equals(seen)) {
                return true;
            }
        }
        return false;
    }

    private static void reply(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
