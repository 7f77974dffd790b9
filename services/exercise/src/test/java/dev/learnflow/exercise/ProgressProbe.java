package dev.learnflow.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.local.infra.Ports;
import dev.learnflow.local.testing.LocalSidecar;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Stands in for the progress service in this module's mesh (app id {@code progress}, its own local sidecar): it
 * subscribes to progress.events and exercise.generated through the real Kafka pub/sub and records what arrives,
 * and serves {@code GET /internal/students/{id}/context} with mastery the test sets (or fails on demand). The real
 * progress service (another module) folds the same events into mastery; the end-to-end test covers that hop.
 */
public class ProgressProbe implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<JsonNode> RECEIVED = new CopyOnWriteArrayList<>();
    private static final Map<UUID, Map<String, Double>> MASTERY = new ConcurrentHashMap<>();
    private static volatile boolean failing;
    private static HttpServer server;

    @Override
    public int order() {
        return 110;
    }

    @Override
    public synchronized Map<String, String> start() {
        try {
            int port = Ports.freePort();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.createContext("/dapr/subscribe", exchange -> {
                ArrayNode subs = JSON.createArrayNode();
                for (EventTopic topic : List.of(EventTopic.PROGRESS_EVENTS, EventTopic.EXERCISE_GENERATED)) {
                    subs.addObject().put("pubsubname", EventTopic.PUBSUB_NAME).put("topic", topic.topic())
                            .put("route", "/events/" + topic.topic());
                }
                respond(exchange, 200, JSON.writeValueAsBytes(subs));
            });
            server.createContext("/events/", exchange -> {
                RECEIVED.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
                respond(exchange, 200, "{\"status\":\"SUCCESS\"}".getBytes(StandardCharsets.UTF_8));
            });
            server.createContext("/internal/students/", ProgressProbe::context);
            server.start();
            LocalSidecar.startPeer("progress", port).appReady().get();
            return Map.of();
        } catch (Exception e) {
            throw new IllegalStateException("progress probe did not start", e);
        }
    }

    private static void context(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().split("/");
        if (failing) {
            respond(exchange, 500, "{\"title\":\"down\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        UUID student;
        try {
            student = UUID.fromString(parts[3]);
        } catch (RuntimeException e) {
            respond(exchange, 400, new byte[0]);
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        ObjectNode mastery = body.putObject("mastery");
        MASTERY.getOrDefault(student, Map.of()).forEach(mastery::put);
        body.putArray("recentErrorTypes");
        body.putArray("recentTurns");
        respond(exchange, 200, JSON.writeValueAsBytes(body));
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public static void setMastery(UUID student, String topicId, double pKnown) {
        MASTERY.computeIfAbsent(student, s -> new ConcurrentHashMap<>()).put(topicId, pKnown);
    }

    public static void failContext(boolean fail) {
        failing = fail;
    }

    public static List<JsonNode> events(String topic, Predicate<JsonNode> matching) {
        List<JsonNode> result = new ArrayList<>();
        for (JsonNode e : RECEIVED) {
            if (topic.equals(e.path("topic").asText()) && matching.test(e)) {
                result.add(e);
            }
        }
        return result;
    }

    /** Waits until an event on the topic matches (no assertion on how long it took, only a generous cap). */
    public static JsonNode await(String topic, Predicate<JsonNode> matching) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            List<JsonNode> found = events(topic, matching);
            if (!found.isEmpty()) {
                return found.get(found.size() - 1);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("No matching event on " + topic + "; received " + RECEIVED.size() + " events");
    }
}
