package dev.learnflow.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.learnflow.local.infra.Ports;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Stands in for one websocket replica on the websocket service's contract: records every
 * {@code POST /internal/notifications} it gets through its sidecar, and can be told to fail the next pushes.
 */
final class PushRecorder implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One push as it arrived: the calling app (set by the sidecars) and the body. */
    record Push(String callerApp, JsonNode body) {
        String id() {
            return body.path("id").asText();
        }

        String type() {
            return body.path("type").asText();
        }
    }

    private final HttpServer server;
    private final List<Push> pushes = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToGo = new AtomicInteger();

    PushRecorder() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", Ports.freePort()), 0);
        server.createContext("/dapr/subscribe", exchange -> reply(exchange, 200, "[]"));
        server.createContext("/internal/notifications", exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            pushes.add(new Push(exchange.getRequestHeaders().getFirst("dapr-caller-app-id"), body));
            if (failuresToGo.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                reply(exchange, 503, "{\"status\":503,\"title\":\"Service unavailable\"}");
            } else {
                reply(exchange, 202, "{\"id\":\"" + body.path("id").asText() + "\",\"connections\":0}");
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The next {@code n} pushes are answered 503, as a replica that is restarting would. */
    void failNext(int n) {
        failuresToGo.set(n);
    }

    /** Waits for a push matching {@code wanted} (they may arrive out of band of the test thread). */
    Push await(Predicate<Push> wanted) {
        long giveUp = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < giveUp) {
            for (Push push : pushes) {
                if (wanted.test(push)) {
                    return push;
                }
            }
            sleep();
        }
        throw new AssertionError("no matching push within " + WAIT + "; got " + pushes.size() + " pushes");
    }

    List<Push> all(Predicate<Push> wanted) {
        return pushes.stream().filter(wanted).toList();
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
