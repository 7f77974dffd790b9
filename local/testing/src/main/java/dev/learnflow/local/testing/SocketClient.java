package dev.learnflow.local.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A real WebSocket client (java.net.http) that collects the JSON messages the server sends: a browser tab of the
 * web client, for tests of the websocket service and of anything that pushes through it. By default it connects to
 * the app under test ({@code quarkus.http.test-port}) at {@code /ws}.
 */
public final class SocketClient implements AutoCloseable {

    /** How long a test waits for a message before it fails (events cross Kafka and two hops). */
    public static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final WebSocket socket;
    private final Listener listener;
    private Duration wait = WAIT;
    private Supplier<String> diagnostics = () -> "";

    private SocketClient(WebSocket socket, Listener listener) {
        this.socket = socket;
        this.listener = listener;
    }

    public static int appPort() {
        return ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }

    public static URI uri(String query) {
        return URI.create("ws://127.0.0.1:" + appPort() + "/ws" + (query == null ? "" : "?" + query));
    }

    /** Connects with the token as query parameter and waits for the welcome message. */
    public static SocketClient connect(String token) {
        return connect(uri("access_token=" + token), Map.of(), List.of());
    }

    /** Connects to any WebSocket address, e.g. a websocket service running beside the one under test. */
    public static SocketClient connect(URI uri) {
        return connect(uri, Map.of(), List.of());
    }

    public static SocketClient connect(URI uri, Map<String, String> headers, List<String> subprotocols) {
        try {
            return open(uri, headers, subprotocols).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("connect failed", e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("connect failed", e);
        }
    }

    /** The HTTP status the server answered a refused upgrade with. */
    public static WebSocketHandshakeException refused(URI uri, Map<String, String> headers) {
        try {
            SocketClient unexpected = open(uri, headers, List.of()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            unexpected.close();
            throw new AssertionError("the upgrade was accepted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
            if (cause instanceof WebSocketHandshakeException refused) {
                return refused;
            }
            throw new AssertionError("expected a refused handshake, got " + cause, cause);
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CompletableFuture<SocketClient> open(URI uri, Map<String, String> headers,
                                                        List<String> subprotocols) {
        Listener listener = new Listener();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        headers.forEach(builder::header);
        if (!subprotocols.isEmpty()) {
            builder.subprotocols(subprotocols.get(0), subprotocols.subList(1, subprotocols.size())
                    .toArray(String[]::new));
        }
        return builder.buildAsync(uri, listener).thenApply(ws -> new SocketClient(ws, listener));
    }

    /** Waits up to {@code bound} for each message instead of {@link #WAIT}. */
    public SocketClient waitingUpTo(Duration bound) {
        this.wait = bound;
        return this;
    }

    /** Adds what {@code diagnostics} tells (e.g. the state of the server) to a failed wait's message. */
    public SocketClient explainingFailuresWith(Supplier<String> diagnostics) {
        this.diagnostics = diagnostics;
        return this;
    }

    public String subprotocol() {
        return socket.getSubprotocol();
    }

    /** The next message, whatever it is. */
    public JsonNode next() {
        try {
            JsonNode message = listener.messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("no message within " + wait + "; closed: " + listener.closeStatus
                        + "; " + diagnostics.get());
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next message that is not a control message (welcome, resumed, pong, error). */
    public JsonNode nextRelayed() {
        while (true) {
            JsonNode message = next();
            String type = message.path("type").asText();
            if (!List.of("welcome", "resumed", "pong", "error").contains(type)) {
                return message;
            }
        }
    }

    /** The next message of the given type, skipping others. */
    public JsonNode nextOfType(String type) {
        return nextMatching(m -> type.equals(m.path("type").asText()));
    }

    public JsonNode nextMatching(Predicate<JsonNode> wanted) {
        while (true) {
            JsonNode message = next();
            if (wanted.test(message)) {
                return message;
            }
        }
    }

    /**
     * The first message received (already, or within {@code bound}) that matches, consumed or not; fails the test
     * otherwise. Unlike {@link #nextMatching} it skips nothing, so messages that arrive in any order can be awaited
     * one after another (the end-to-end journey does).
     */
    public JsonNode await(Predicate<JsonNode> wanted, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        synchronized (listener.history) {
            while (true) {
                for (JsonNode m : listener.history) {
                    if (wanted.test(m)) {
                        return m;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no matching message within " + bound + "; received: "
                            + listener.history + "; " + diagnostics.get());
                }
                TimeUnit.NANOSECONDS.timedWait(listener.history, left);
            }
        }
    }

    /** {@link #await(Predicate, Duration)} for the message of {@code type} correlated to {@code correlationId}. */
    public JsonNode await(String type, String correlationId, Duration bound) throws InterruptedException {
        return await(m -> type.equals(m.path("type").asText())
                && correlationId.equals(m.path("correlationId").asText()), bound);
    }

    /** Every message received so far, consumed or not, in order. */
    public List<JsonNode> received() {
        synchronized (listener.history) {
            return List.copyOf(listener.history);
        }
    }

    /** Messages received so far and not yet consumed. */
    public List<JsonNode> drain() {
        List<JsonNode> out = new ArrayList<>();
        listener.messages.drainTo(out);
        return out;
    }

    public int pingsReceived() {
        return listener.pings.get();
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** Completes with the close status the server sent. */
    public CompletableFuture<Integer> closed() {
        return listener.closed;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null).join();
        }
        socket.abort();
    }

    private static final class Listener implements WebSocket.Listener {
        final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        final List<JsonNode> history = new ArrayList<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final AtomicInteger pings = new AtomicInteger();
        final StringBuilder partial = new StringBuilder();
        volatile Integer closeStatus;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    synchronized (history) {
                        history.add(message);
                        history.notifyAll();
                    }
                    messages.add(message);
                } catch (Exception e) {
                    throw new IllegalStateException("server sent non-JSON: " + partial, e);
                } finally {
                    partial.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            pings.incrementAndGet();
            webSocket.request(1); // the JDK answers with a pong on its own
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeStatus = statusCode;
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
