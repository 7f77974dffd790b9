package dev.learnflow.progress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.local.testing.TopicReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/**
 * Everything published on {@code struggle.detected} so far ({@link TopicReader}). Publishing is acknowledged before
 * the handler answers the sidecar, so after a delivery returns, its signals are in here.
 */
public final class StruggleTopic {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StruggleTopic() {
    }

    /** The CloudEvents about {@code student}, in publish order per partition. */
    public static List<JsonNode> eventsAbout(UUID student) {
        return TopicReader.values(EventTopic.STRUGGLE_DETECTED.topic()).stream().map(StruggleTopic::read)
                .filter(event -> student.toString().equals(event.path("data").path("userId").asText())).toList();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
