package dev.learnflow.local.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.UUID;

/**
 * The body a Dapr 1.16 sidecar POSTs to an app's bulk subscription route: {@code {id, type:
 * "com.dapr.event.sent.bulk", topic, pubsubname, metadata, entries: [{entryId, event, contentType, metadata}]}},
 * entry ids "0", "1", ... as the Kafka component numbers a batch. For tests that call the route as the sidecar does.
 */
public final class BulkEnvelope {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BulkEnvelope() {
    }

    /** The envelope around these CloudEvents (as JSON objects) of {@code topic} on kafka-pubsub. */
    public static String of(String topic, List<? extends JsonNode> cloudEvents) {
        ObjectNode envelope = MAPPER.createObjectNode();
        envelope.put("id", UUID.randomUUID().toString()).put("type", "com.dapr.event.sent.bulk")
                .put("topic", topic).put("pubsubname", "kafka-pubsub");
        envelope.putObject("metadata").put("pubsubName", "kafka-pubsub");
        ArrayNode entries = envelope.putArray("entries");
        for (int i = 0; i < cloudEvents.size(); i++) {
            ObjectNode entry = entries.addObject();
            entry.put("entryId", Integer.toString(i)).set("event", cloudEvents.get(i));
            entry.put("contentType", "application/cloudevents+json").putObject("metadata")
                    .put("__partition", "0").put("__offset", Integer.toString(i)).put("__topic", topic);
        }
        return envelope.toString();
    }
}
