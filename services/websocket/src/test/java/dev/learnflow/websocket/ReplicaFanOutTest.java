package dev.learnflow.websocket;

import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.LearningResponded;
import dev.learnflow.local.testing.LocalSidecar;
import dev.learnflow.local.testing.SocketClient;
import dev.learnflow.local.testing.SubscriberApp;
import dev.learnflow.platform.dapr.EventBus;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replica strategy (README): each websocket replica runs under its own Dapr app id, so with the repository's
 * kafka-pubsub component (consumerGroup = {appID}) each replica is its own consumer group and sees every event.
 * A second replica ("websocket-b", a minimal subscriber app) receives the same event as the service under test.
 */
@QuarkusTest
class ReplicaFanOutTest {

    private static final String SECOND_REPLICA = "websocket-b";
    private static SubscriberApp secondReplica;

    @Inject
    EventBus events;

    @BeforeAll
    static void startSecondReplica() {
        secondReplica = SubscriberApp.start(SECOND_REPLICA, EventTopic.LEARNING_RESPONSES.topic());
    }

    @AfterAll
    static void stopSecondReplica() {
        LocalSidecar.sidecarOf(SECOND_REPLICA).stop();
        secondReplica.close();
    }

    @Test
    void everyReplicaReceivesEveryEvent() {
        UUID ada = UUID.randomUUID();
        try (SocketClient socket = SocketClient.connect(Tokens.valid(ada, "student"))) {
            CloudEvent<LearningResponded> answer = events.publish(EventTopic.LEARNING_RESPONSES,
                    Events.answer(ada, "seen everywhere"));
            assertThat(socket.nextRelayed().path("id").asText()).isEqualTo(answer.id());
            assertThat(secondReplica.await(EventTopic.LEARNING_RESPONSES.topic(),
                    event -> event.path("id").asText().equals(answer.id()), SocketClient.WAIT.multipliedBy(2)))
                    .as("the second replica got the event too").isNotEmpty();
        }
    }
}
