package dev.learnflow.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.local.testing.SubscriberApp;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import static dev.learnflow.local.testing.SubscriberApp.reply;

/**
 * Stands in for the progress service in this module's mesh (app id {@code progress}, its own local sidecar): a
 * {@link SubscriberApp} on progress.events and exercise.generated through the real Kafka pub/sub, which also
 * serves {@code GET /internal/students/{id}/context} with mastery the test sets (or fails on demand). The real
 * progress service (another module) folds the same events into mastery; the end-to-end test covers that hop.
 */
public class ProgressProbe implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<UUID, Map<String, Double>> MASTERY = new ConcurrentHashMap<>();
    private static volatile boolean failing;
    private static SubscriberApp app;

    @Override
    public int order() {
        return 110;
    }

    @Override
    public synchronized Map<String, String> start() {
        app = SubscriberApp.start("progress", Map.of("/internal/students/", ProgressProbe::context),
                EventTopic.PROGRESS_EVENTS.topic(), EventTopic.EXERCISE_GENERATED.topic());
        return Map.of();
    }

    private static void context(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().split("/");
        if (failing) {
            reply(exchange, 500, "{\"title\":\"down\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        UUID student;
        try {
            student = UUID.fromString(parts[3]);
        } catch (RuntimeException e) {
            reply(exchange, 400, new byte[0]);
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        ObjectNode mastery = body.putObject("mastery");
        MASTERY.getOrDefault(student, Map.of()).forEach(mastery::put);
        body.putArray("recentErrorTypes");
        body.putArray("recentTurns");
        reply(exchange, 200, JSON.writeValueAsBytes(body));
    }

    @Override
    public synchronized void stop() {
        if (app != null) {
            app.close();
            app = null;
        }
    }

    public static void setMastery(UUID student, String topicId, double pKnown) {
        MASTERY.computeIfAbsent(student, s -> new ConcurrentHashMap<>()).put(topicId, pKnown);
    }

    public static void failContext(boolean fail) {
        failing = fail;
    }

    /** Waits until an event on the topic matches and returns the latest such (only a generous cap on the wait). */
    public static JsonNode await(String topic, Predicate<JsonNode> matching) {
        List<JsonNode> found = app.await(topic, matching);
        return found.get(found.size() - 1);
    }
}
