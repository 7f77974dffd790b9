package dev.learnflow.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.learnflow.local.testing.SubscriberApp;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Stands in for one websocket replica on the websocket service's contract: a {@link SubscriberApp} (no topics)
 * that records every {@code POST /internal/notifications} it gets through its sidecar, and can be told to fail
 * the next pushes.
 */
final class PushRecorder implements AutoCloseable {

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

    private final List<Push> pushes = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToGo = new AtomicInteger();
    private final SubscriberApp app = SubscriberApp.create(Map.of("/internal/notifications", this::record));

    private void record(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        pushes.add(new Push(exchange.getRequestHeaders().getFirst("dapr-caller-app-id"), body));
        if (failuresToGo.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            SubscriberApp.reply(exchange, 503, "{\"status\":503,\"title\":\"Service unavailable\"}"
                    .getBytes(StandardCharsets.UTF_8));
        } else {
            SubscriberApp.reply(exchange, 202, ("{\"id\":\"" + body.path("id").asText() + "\",\"connections\":0}")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    int port() {
        return app.port();
    }

    /** The next {@code n} pushes are answered 503, as a replica that is restarting would. */
    void failNext(int n) {
        failuresToGo.set(n);
    }

    /** Waits for a push matching {@code wanted} (they may arrive out of band of the test thread). */
    Push await(Predicate<Push> wanted) {
        return Awaitility.await().alias("a matching push").atMost(NotificationFixtures.WAIT)
                .until(() -> all(wanted), found -> !found.isEmpty()).get(0);
    }

    List<Push> all(Predicate<Push> wanted) {
        return pushes.stream().filter(wanted).toList();
    }

    @Override
    public void close() {
        app.close();
    }
}
