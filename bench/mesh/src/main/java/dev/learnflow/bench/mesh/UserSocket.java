package dev.learnflow.bench.mesh;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A user's socket on the websocket service. Every {@code learning.response} is noted by its correlation id (the
 * request id) with the {@link System#nanoTime()} at which its last frame was parsed, so a caller can ask for it
 * before or after it arrived.
 */
final class UserSocket implements AutoCloseable {

    /** A relayed answer and when it arrived. */
    record Arrival(long nanos, JsonNode message) {
    }

    private final WebSocket socket;
    private final Map<String, CompletableFuture<Arrival>> answers = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> welcomed = new CompletableFuture<>();

    private UserSocket(HttpClient client, String url, String token) throws Exception {
        this.socket = client.newWebSocketBuilder().subprotocols("learnflow.v1", "bearer." + token)
                .connectTimeout(Duration.ofSeconds(20)).buildAsync(URI.create(url), new Listener())
                .get(60, TimeUnit.SECONDS);
    }

    private static final java.util.concurrent.ExecutorService OPENERS =
            java.util.concurrent.Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "socket-open");
                t.setDaemon(true);
                return t;
            });

    static CompletableFuture<UserSocket> openAsync(HttpClient client, String url, String token) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                UserSocket s = new UserSocket(client, url, token);
                s.welcomed.get(30, TimeUnit.SECONDS);
                return s;
            } catch (Exception e) {
                throw new IllegalStateException("socket did not open: " + e, e);
            }
        }, OPENERS);
    }

    /** The answer correlated to {@code requestId}: already arrived or still to come. */
    CompletableFuture<Arrival> answer(String requestId) {
        return answers.computeIfAbsent(requestId, k -> new CompletableFuture<>());
    }

    void forget(String requestId) {
        answers.remove(requestId);
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long now = System.nanoTime();
                try {
                    JsonNode m = Http.JSON.readTree(partial.toString());
                    String type = m.path("type").asText();
                    if ("welcome".equals(type)) {
                        welcomed.complete(null);
                    } else if ("learning.response".equals(type)) {
                        answer(m.path("correlationId").asText()).complete(new Arrival(now, m));
                    }
                } catch (Exception e) {
                    // not JSON: ignore, the bench waits for correlated answers only
                } finally {
                    partial.setLength(0);
                }
            }
            ws.request(1);
            return null;
        }
    }
}
