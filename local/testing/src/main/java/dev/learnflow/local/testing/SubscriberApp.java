package dev.learnflow.local.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.learnflow.local.infra.Ports;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A fake app for the test mesh: it subscribes to topics through its sidecar (the real pub/sub component), records
 * every CloudEvent delivered to it and answers SUCCESS, so a test sees what the service under test published, end to
 * end. Extra routes let it also stand in for a service the one under test calls. It joins the mesh with
 * {@link LocalSidecar#startPeer} (see {@link #start}) or, unjoined ({@link #create}), through a sidecar the test
 * builds itself.
 */
public final class SubscriberApp implements AutoCloseable {

    /** How long {@link #await} waits: generous, events cross Kafka and two sidecars. */
    public static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENTS_ROUTE = "/events/";

    /** A delivered CloudEvent and the topic it was delivered on. */
    private record Delivery(String topic, JsonNode event) {
    }

    private final HttpServer server;
    private final List<Delivery> received = new CopyOnWriteArrayList<>();

    private SubscriberApp(HttpServer server) {
        this.server = server;
    }

    /** Starts an app subscribed to {@code topics} and joins it to the mesh as {@code appId}. */
    public static SubscriberApp start(String appId, String... topics) {
        return start(appId, Map.of(), topics);
    }

    /** As {@link #start(String, String...)}, also serving {@code routes} (path prefix to handler). */
    public static SubscriberApp start(String appId, Map<String, HttpHandler> routes, String... topics) {
        SubscriberApp app = create(routes, topics);
        try {
            return app.joinMesh(appId);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    /**
     * Joins the current test mesh as {@code appId} unless it is in it already (the mesh is rebuilt when Quarkus
     * restarts for another test profile), and waits until its sidecar has read the subscriptions.
     */
    public SubscriberApp joinMesh(String appId) {
        if (LocalSidecar.sidecarOf(appId) == null) {
            try {
                LocalSidecar.startPeer(appId, port()).appReady().get();
            } catch (Exception e) {
                throw new IllegalStateException("subscriber app " + appId + " did not start", e);
            }
        }
        return this;
    }

    /** An app that is not yet in any mesh; the caller starts its sidecar on {@link #port()}. */
    public static SubscriberApp create(Map<String, HttpHandler> routes, String... topics) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Ports.freePort()), 0);
            SubscriberApp app = new SubscriberApp(server);
            ArrayNode subscriptions = JSON.createArrayNode();
            for (String topic : topics) {
                subscriptions.addObject().put("pubsubname", "kafka-pubsub").put("topic", topic)
                        .put("route", EVENTS_ROUTE + topic);
            }
            byte[] subscribe = JSON.writeValueAsBytes(subscriptions);
            server.createContext("/dapr/subscribe", exchange -> reply(exchange, 200, subscribe));
            server.createContext(EVENTS_ROUTE, exchange -> {
                String topic = exchange.getRequestURI().getPath().substring(EVENTS_ROUTE.length());
                app.received.add(new Delivery(topic, JSON.readTree(exchange.getRequestBody().readAllBytes())));
                reply(exchange, 200, "{\"status\":\"SUCCESS\"}".getBytes(StandardCharsets.UTF_8));
            });
            new LinkedHashMap<>(routes).forEach(server::createContext);
            server.start();
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers a request with a JSON body (none when empty) and closes the exchange. */
    public static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** CloudEvents received so far on {@code topic} that match, in arrival order. */
    public List<JsonNode> events(String topic, Predicate<JsonNode> matching) {
        return received.stream().filter(d -> d.topic().equals(topic)).map(Delivery::event).filter(matching)
                .toList();
    }

    /** Waits (up to {@link #WAIT}) until an event on {@code topic} matches; returns all that match by then. */
    public List<JsonNode> await(String topic, Predicate<JsonNode> matching) {
        return await(topic, matching, WAIT);
    }

    /** Waits up to {@code within} until an event on {@code topic} matches; returns all that match by then. */
    public List<JsonNode> await(String topic, Predicate<JsonNode> matching, Duration within) {
        return Awaitility.await().alias("a matching event on " + topic)
                .atMost(within).pollInterval(Duration.ofMillis(100))
                .until(() -> events(topic, matching), found -> !found.isEmpty());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
