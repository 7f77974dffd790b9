package dev.learnflow.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.LearningResponded;
import dev.learnflow.local.testing.SocketClient;
import dev.learnflow.platform.dapr.EventBus;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that reconnects with the last id it saw gets what it missed, in order, then a resumed marker. */
@QuarkusTest
class ResumeTest {

    @Inject
    EventBus events;

    @Test
    void reconnectingWithTheLastSeenIdReplaysWhatWasMissed() {
        UUID ada = UUID.randomUUID();
        String token = Tokens.valid(ada, "student");
        // A second device stays online: when it has seen the last event, the relay has buffered them all.
        try (SocketClient tablet = SocketClient.connect(token)) {
            String seen;
            try (SocketClient laptop = SocketClient.connect(token)) {
                CloudEvent<LearningResponded> first = events.publish(EventTopic.LEARNING_RESPONSES,
                        Events.answer(ada, "first"));
                seen = laptop.nextRelayed().path("id").asText();
                assertThat(seen).isEqualTo(first.id());
            }
            CloudEvent<LearningResponded> second = events.publish(EventTopic.LEARNING_RESPONSES,
                    Events.answer(ada, "second"));
            CloudEvent<LearningResponded> third = events.publish(EventTopic.LEARNING_RESPONSES,
                    Events.answer(ada, "third"));
            tablet.nextMatching(m -> third.id().equals(m.path("id").asText()));

            try (SocketClient laptop = SocketClient.connect(SocketClient.uri("access_token=" + token
                    + "&lastId=" + seen), Map.of(), List.of())) {
                assertThat(laptop.next().path("type").asText()).isEqualTo("welcome");
                assertThat(laptop.next().path("id").asText()).isEqualTo(second.id());
                JsonNode replayedThird = laptop.next();
                assertThat(replayedThird.path("id").asText()).isEqualTo(third.id());
                assertThat(replayedThird.path("payload").path("text").asText()).isEqualTo("third");
                JsonNode resumed = laptop.next();
                assertThat(resumed.path("type").asText()).isEqualTo("resumed");
                assertThat(resumed.path("payload").path("lastId").asText()).isEqualTo(seen);
                assertThat(resumed.path("payload").path("found").asBoolean()).isTrue();
                assertThat(resumed.path("payload").path("replayed").asInt()).isEqualTo(2);
            }
        }
    }

    @Test
    void anOpenSocketCanAskToResumeAndAnUnknownIdReplaysTheWholeBuffer() {
        UUID teacher = UUID.randomUUID();
        try (SocketClient socket = SocketClient.connect(Tokens.valid(teacher, "teacher"))) {
            String a = UUID.randomUUID().toString();
            String b = UUID.randomUUID().toString();
            Pushes.push(Pushes.alert(a, teacher, UUID.randomUUID(), "a")).statusCode(202);
            Pushes.push(Pushes.alert(b, teacher, UUID.randomUUID(), "b")).statusCode(202);
            assertThat(socket.nextRelayed().path("id").asText()).isEqualTo(a);
            assertThat(socket.nextRelayed().path("id").asText()).isEqualTo(b);

            socket.send("{\"type\":\"resume\",\"lastId\":\"" + a + "\"}");
            assertThat(socket.next().path("id").asText()).isEqualTo(b);
            assertThat(socket.next().path("payload").path("replayed").asInt()).isEqualTo(1);

            socket.send("{\"type\":\"resume\",\"lastId\":\"long-gone\"}");
            assertThat(socket.next().path("id").asText()).isEqualTo(a);
            assertThat(socket.next().path("id").asText()).isEqualTo(b);
            JsonNode resumed = socket.next();
            assertThat(resumed.path("type").asText()).isEqualTo("resumed");
            assertThat(resumed.path("payload").path("found").asBoolean()).isFalse();
            assertThat(resumed.path("payload").path("replayed").asInt()).isEqualTo(2);
        }
    }

    @Test
    void aFreshConnectionGetsNoReplay() {
        UUID teacher = UUID.randomUUID();
        Pushes.push(Pushes.alert(UUID.randomUUID().toString(), teacher, UUID.randomUUID(), "old")).statusCode(202);
        try (SocketClient socket = SocketClient.connect(Tokens.valid(teacher, "teacher"))) {
            assertThat(socket.next().path("type").asText()).isEqualTo("welcome");
            String fresh = UUID.randomUUID().toString();
            Pushes.push(Pushes.alert(fresh, teacher, UUID.randomUUID(), "new")).statusCode(202);
            assertThat(socket.next().path("id").asText()).isEqualTo(fresh);
        }
    }
}
