package dev.learnflow.codereview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpServer;
import dev.learnflow.local.infra.Ports;
import dev.learnflow.local.testing.LocalSidecar;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A tiny subscriber app in the test mesh (its own local sidecar and app id): it subscribes to topics through the
 * real pub/sub component and records every CloudEvent it gets, so tests can see what the service under test
 * published, end to end through sidecars and Kafka.
 */
public final class EventProbe implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();

    private EventProbe(HttpServer server) {
        this.server = server;
    }

    /** Starts a probe app subscribed to {@code topics} and joins it to the mesh as {@code appId}. */
    public static EventProbe start(String appId, String... topics) {
        try {
            int port = Ports.freePort();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            EventProbe probe = new EventProbe(server);
            server.createContext("/dapr/subscribe", exchange -> {
                ArrayNode subs = JSON.createArrayNode();
                for (String topic : topics) {
                    subs.addObject().put("pubsubname", "kafka-pubsub").put("topic", topic)
                            .put("route", "/events/" + topic);
                }
                respond(exchange, 200, JSON.writeValueAsBytes(subs));
            });
            server.createContext("/events/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                probe.received.add(JSON.readTree(body));
                respond(exchange, 200, "{\"status\":\"SUCCESS\"}".getBytes(StandardCharsets.UTF_8));
            });
            server.createContext("/", exchange -> respond(exchange, 404, new byte[0]));
            server.start();
            LocalSidecar.startPeer(appId, port).appReady().get();
            return probe;
        } catch (Exception e) {
            throw new IllegalStateException("event probe did not start", e);
        }
    }

    static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    /** Events received so far on a topic matching the predicate. */
    public List<JsonNode> events(String topic, Predicate<JsonNode> matching) {
        List<JsonNode> result = new ArrayList<>();
        for (JsonNode e : received) {
            if (topic.equals(e.path("topic").asText()) && matching.test(e)) {
                result.add(e);
            }
        }
        return result;
    }

    /** Waits until an event on the topic matches, then returns it; fails after {@code within}. */
    public JsonNode await(String topic, Predicate<JsonNode> matching, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            List<JsonNode> found = events(topic, matching);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("No matching event on " + topic + " within " + within + "; got " + received);
    }

    @Override
    public void close() {
        server.stop(0);
    }

}
