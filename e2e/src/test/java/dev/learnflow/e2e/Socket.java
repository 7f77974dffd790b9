package dev.learnflow.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/** A user's live connection to the websocket service, keeping every message it receives, in order. */
public final class Socket implements AutoCloseable {

    private final WebSocket socket;
    private final List<JsonNode> received = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();

    private Socket(String accessToken) throws Exception {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("learnflow.v1", "bearer." + accessToken)
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(LocalMesh.WEBSOCKET), new Listener()).get(20, TimeUnit.SECONDS);
    }

    public static Socket connect(Api.User user) throws Exception {
        Socket s = new Socket(user.accessToken());
        s.await(m -> "welcome".equals(m.path("type").asText()), Duration.ofSeconds(10));
        return s;
    }

    /** The first received message (already or within the timeout) that matches; fails the test otherwise. */
    public JsonNode await(Predicate<JsonNode> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (received) {
            while (true) {
                for (JsonNode m : received) {
                    if (match.test(m)) {
                        return m;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no matching message within " + timeout + "; received: " + received);
                }
                TimeUnit.NANOSECONDS.timedWait(received, left);
            }
        }
    }

    /** The message of {@code type} correlated to {@code correlationId}. */
    public JsonNode await(String type, String correlationId, Duration timeout) throws InterruptedException {
        return await(m -> type.equals(m.path("type").asText())
                && correlationId.equals(m.path("correlationId").asText()), timeout);
    }

    public List<JsonNode> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = Api.JSON.readTree(partial.toString());
                    synchronized (received) {
                        received.add(message);
                        received.notifyAll();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("socket sent a frame that is not JSON: " + partial, e);
                } finally {
                    partial.setLength(0);
                }
            }
            ws.request(1);
            return null;
        }
    }
}
